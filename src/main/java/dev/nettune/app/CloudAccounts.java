package dev.nettune.app;

import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.aliyun.AliyunCloudApi;
import dev.nettune.cloud.aliyun.ApiEndpoint;
import dev.nettune.cloud.aliyun.CredentialLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The cloud accounts the GUI offers and the one it remembers: the built-in sandbox, each profile of
 * {@code ~/.aliyun/config.json} (AK, StsToken, RamRoleArn, EcsRamRole), the environment's AccessKey, the
 * ECS RAM role. What is remembered (in NetTune's config directory) is the account's name, the region and
 * the endpoint override: never a key or a token, which stay where the aliyun CLI keeps them.
 */
public final class CloudAccounts {
    /** Where an account's credentials come from. */
    public enum Kind {
        SANDBOX, PROFILE, ENVIRONMENT, ECS_RAM_ROLE
    }

    /** The region asked for the region list when neither the user nor the profile names one. */
    public static final RegionId FALLBACK_REGION = RegionId.of("cn-hangzhou");
    /** Where the first releases kept the choice; read when the settings have none. */
    private static final String FILE = "cloud-account.properties";

    /** One account as a picker shows it; {@code key()} is what is remembered. */
    public record Account(Kind kind, String name, String detail, Optional<String> region) {
        public Account {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
            region = region == null ? Optional.empty() : region;
        }

        /** {@code sandbox}, {@code profile:NAME}, {@code environment} or {@code ecs-ram-role}. */
        public String key() {
            return switch (kind) {
                case SANDBOX -> "sandbox";
                case PROFILE -> "profile:" + name;
                case ENVIRONMENT -> "environment";
                case ECS_RAM_ROLE -> "ecs-ram-role";
            };
        }

        public boolean sandbox() {
            return kind == Kind.SANDBOX;
        }

        public String display() {
            return switch (kind) {
                case SANDBOX -> "Sandbox (simulated region)";
                case PROFILE -> "Profile " + name + " (" + detail + ")";
                case ENVIRONMENT -> "Environment (" + detail + ")";
                case ECS_RAM_ROLE -> "ECS RAM role " + name;
            };
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /** The remembered selection: account key, region, endpoint override. No secret has a place here. */
    public record Choice(String account, Optional<String> region, Optional<String> endpoint) {
        public Choice {
            Objects.requireNonNull(account, "account");
            region = region == null ? Optional.empty() : region.filter(s -> !s.isBlank());
            endpoint = endpoint == null ? Optional.empty() : endpoint.filter(s -> !s.isBlank());
        }
    }

    private final AppContext context;
    private final CredentialLoader loader;
    private final Path file;

    private CloudAccounts(AppContext context, CredentialLoader loader) {
        this.context = context;
        this.loader = loader;
        this.file = context.configDir().resolve(FILE);
    }

    /** Accounts as this process sees them: its environment and {@code $HOME/.aliyun}. */
    public static CloudAccounts fromSystem(AppContext context) {
        return new CloudAccounts(context, CredentialLoader.fromSystem());
    }

    /** Accounts for a given environment and home directory (an isolated home in tests, another user's on a shared desk). */
    public static CloudAccounts forHome(AppContext context, Map<String, String> env, Path home) {
        return new CloudAccounts(context, new CredentialLoader(env, home));
    }

    /** The sandbox first, then every profile in file order, then the environment's key and the ECS RAM role when set. */
    public List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        out.add(new Account(Kind.SANDBOX, "sandbox", "", Optional.empty()));
        for (CredentialLoader.ProfileSummary p : loader.profiles()) {
            out.add(new Account(Kind.PROFILE, p.name(), p.mode(), p.region()));
        }
        loader.fromEnvironment().ifPresent(l -> out.add(new Account(Kind.ENVIRONMENT, "environment", l.credentials().display(), l.region())));
        loader.fromEcsRamRole().ifPresent(l -> out.add(new Account(Kind.ECS_RAM_ROLE, ((dev.nettune.cloud.aliyun.CloudCredentials.EcsRamRole) l.credentials())
                .roleName(), "", Optional.empty())));
        return out;
    }

    /** Where the profiles are read from (for messages: "no profiles in ..."). */
    public Path profileFile() {
        return loader.configFile();
    }

    /** Null when {@code text} is a usable endpoint override (or blank: none); otherwise what is wrong and what is allowed. */
    public static dev.nettune.Phrase endpointProblem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            ApiEndpoint.parse(text);
            return null;
        } catch (CloudInputException e) {
            return e.phrase();
        }
    }


    /**
     * Connects to {@code account}: the region given, else the profile's, else {@link #FALLBACK_REGION};
     * the endpoint override only for real accounts (the sandbox has its own local server).
     */
    public CloudConnection connect(Account account, Optional<String> region, Optional<String> endpoint) {
        if (account.sandbox()) {
            return CloudConnection.open(context, Optional.of(CloudConnection.SANDBOX), Optional.empty(), region, loader);
        }
        dev.nettune.Phrase endpointProblem = endpointProblem(endpoint.orElse(null));
        if (endpointProblem != null) {
            throw new CloudInputException(endpointProblem);
        }
        CredentialLoader.Loaded loaded = switch (account.kind()) {
            case PROFILE -> loader.load(Optional.of(account.name())).orElseThrow();
            case ENVIRONMENT -> loader.fromEnvironment().orElseThrow(() -> new CloudInputException(
                    dev.nettune.Phrase.of("cloud.accounts.environmentGone", "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"
                            + " are no longer set in NetTune's environment.")));
            case ECS_RAM_ROLE -> loader.fromEcsRamRole().orElseThrow(() -> new CloudInputException(
                    dev.nettune.Phrase.of("cloud.accounts.roleGone", "ALIBABA_CLOUD_ECS_METADATA (the ECS RAM role's name) is no longer"
                            + " set in NetTune's environment.")));
            case SANDBOX -> throw new IllegalStateException("handled above");
        };
        RegionId r = RegionId.of(region.or(loaded::region).orElse(FALLBACK_REGION.value()));
        AliyunCloudApi api = new AliyunCloudApi(loaded.credentials(), endpoint.filter(s -> !s.isBlank()).map(ApiEndpoint::parse));
        return new CloudConnection(api, r, api.endpointDescription(r), loaded.display(), false);
    }

    /** DescribeRegions over the connection: the regions the account may use. */
    public List<CloudRegion> regions(CloudConnection connection) {
        return connection.api().describeRegions(connection.region());
    }

    /**
     * The last account, region and endpoint the user connected with, from the settings; empty on first start.
     * A choice the first releases kept in {@code cloud-account.properties} is still found there.
     */
    public Optional<Choice> remembered() {
        Optional<Settings.CloudChoice> kept = context.settings().current().cloud();
        if (kept.isPresent()) {
            return kept.map(c -> new Choice(c.account(), c.region(), c.endpoint()));
        }
        return rememberedInOldFile();
    }

    private Optional<Choice> rememberedInOldFile() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        String account = p.getProperty("account");
        if (account == null || account.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(account, Optional.ofNullable(p.getProperty("region")), Optional.ofNullable(p.getProperty("endpoint"))));
    }

    /** The account of {@code choice} among {@link #accounts()}, if it still exists (a profile may have been removed). */
    public Optional<Account> find(String key) {
        return accounts().stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * Remembers the choice for the next launch in the settings: account key, region, endpoint; nothing else is
     * written, and the write happens on the settings' own thread (the caller never waits for the disk).
     */
    public void remember(Choice choice) {
        context.settings().update(s -> s.withCloud(new Settings.CloudChoice(choice.account(), choice.region(), choice.endpoint())));
    }
}
