package dev.nettune.cloud.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.cloud.CloudInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials the way the aliyun CLI and SDKs do, reading only: a named profile of
 * {@code ~/.aliyun/config.json} (modes AK, StsToken, RamRoleArn, EcsRamRole), else the environment
 * ({@code ALIBABA_CLOUD_ACCESS_KEY_ID} / {@code _SECRET} / {@code ALIBABA_CLOUD_SECURITY_TOKEN}),
 * else the config file's current profile, else the ECS RAM role named in
 * {@code ALIBABA_CLOUD_ECS_METADATA}. The environment and home directory are given, so tests never
 * touch the real ones.
 */
public final class CredentialLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> env;
    private final Path home;

    public CredentialLoader(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** The process's environment and home: {@code $HOME} wins over Java's {@code user.home}, as for the aliyun CLI. */
    public static CredentialLoader fromSystem() {
        String home = System.getenv("HOME");
        return new CredentialLoader(System.getenv(), Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    /** One profile of the config file as a picker shows it: name, mode and region; no secret. */
    public record ProfileSummary(String name, String mode, Optional<String> region) {
    }

    /** The profiles of {@code ~/.aliyun/config.json} in file order (empty without the file); secrets are not read out. */
    public java.util.List<ProfileSummary> profiles() {
        Path file = configFile();
        if (!Files.isRegularFile(file)) {
            return java.util.List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.notJson", "{0} is not valid JSON (as `aliyun configure`"
                    + " writes it); fix or recreate it.", file));
        }
        java.util.List<ProfileSummary> out = new java.util.ArrayList<>();
        for (JsonNode p : root.path("profiles")) {
            String name = p.path("name").asText("");
            if (notBlank(name)) {
                out.add(new ProfileSummary(name, p.path("mode").asText("AK"), Optional.of(p.path("region_id").asText("")).filter(CredentialLoader::notBlank)));
            }
        }
        return out;
    }

    private static final dev.nettune.Phrase ONLY_ONE_KEY_VARIABLE = dev.nettune.Phrase.of("cloud.credentials.onlyOneVariable",
            "Only one of ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET is set; set both, or neither.");

    /** Credentials from {@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code _SECRET} (and the STS token) only; empty when unset. */
    public Optional<Loaded> fromEnvironment() {
        String id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (notBlank(id) != notBlank(secret)) {
            throw new CloudInputException(ONLY_ONE_KEY_VARIABLE);
        }
        if (!notBlank(id)) {
            return Optional.empty();
        }
        String token = env.get("ALIBABA_CLOUD_SECURITY_TOKEN");
        CloudCredentials c = notBlank(token) ? new CloudCredentials.StsToken(id, secret, token) : new CloudCredentials.AccessKey(id, secret);
        return Optional.of(new Loaded(c, "environment", Optional.ofNullable(env.get("ALIBABA_CLOUD_REGION_ID")).filter(CredentialLoader::notBlank)));
    }

    /** The ECS RAM role named in {@code ALIBABA_CLOUD_ECS_METADATA} (credentials from the instance's metadata service); empty when unset. */
    public Optional<Loaded> fromEcsRamRole() {
        String role = env.get("ALIBABA_CLOUD_ECS_METADATA");
        return notBlank(role) ? Optional.of(new Loaded(new CloudCredentials.EcsRamRole(role), "ALIBABA_CLOUD_ECS_METADATA", Optional.empty()))
                : Optional.empty();
    }

    /** Credentials found, where they came from, and the profile's region if it names one. */
    public record Loaded(CloudCredentials credentials, String source, Optional<String> region) {
        /** One line for the UI or CLI: kind, masked key id, source. */
        public String display() {
            return credentials.display() + " (" + source + ")";
        }

        @Override
        public String toString() {
            return display();
        }
    }

    public Path configFile() {
        return home.resolve(".aliyun").resolve("config.json");
    }

    /** The credentials for {@code profile} (or the default search); empty when none are configured anywhere. */
    public Optional<Loaded> load(Optional<String> profile) {
        if (profile.isPresent()) {
            return Optional.of(fromProfile(profile.get(), true).orElseThrow());
        }
        String id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (notBlank(id) && notBlank(secret)) {
            String token = env.get("ALIBABA_CLOUD_SECURITY_TOKEN");
            CloudCredentials c = notBlank(token) ? new CloudCredentials.StsToken(id, secret, token) : new CloudCredentials.AccessKey(id, secret);
            return Optional.of(new Loaded(c, "environment", Optional.ofNullable(env.get("ALIBABA_CLOUD_REGION_ID")).filter(CredentialLoader::notBlank)));
        }
        if (notBlank(id) != notBlank(secret)) {
            throw new CloudInputException(ONLY_ONE_KEY_VARIABLE);
        }
        String envProfile = env.get("ALIBABA_CLOUD_PROFILE");
        if (notBlank(envProfile)) {
            return Optional.of(fromProfile(envProfile, true).orElseThrow());
        }
        Optional<Loaded> current = fromProfile(null, false);
        if (current.isPresent()) {
            return current;
        }
        String role = env.get("ALIBABA_CLOUD_ECS_METADATA");
        if (notBlank(role)) {
            return Optional.of(new Loaded(new CloudCredentials.EcsRamRole(role), "ALIBABA_CLOUD_ECS_METADATA", Optional.empty()));
        }
        return Optional.empty();
    }

    /** The message when nothing is configured: every place we looked, and the sandbox way out. */
    public String noCredentialsMessage() {
        return noCredentials().toString();
    }

    /** {@link #noCredentialsMessage()} as a phrase the GUI and the CLI say in the user's language. */
    public dev.nettune.Phrase noCredentials() {
        return dev.nettune.Phrase.of("cloud.credentials.none", "No Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and"
                + " ALIBABA_CLOUD_ACCESS_KEY_SECRET, or create a profile with `aliyun configure` ({0}), or pass --profile NAME; to try"
                + " NetTune without an account use --endpoint sandbox.", configFile());
    }

    private Optional<Loaded> fromProfile(String name, boolean required) {
        Path file = configFile();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.noFile", "Profile '{0}' was asked for, but {1} does"
                        + " not exist; create it with `aliyun configure --profile {0}`.", name, file));
            }
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            // The parser's message may quote the file; never echo content that could hold a secret.
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.notJson", "{0} is not valid JSON (as `aliyun configure`"
                    + " writes it); fix or recreate it.", file));
        }
        String wanted = name != null ? name : root.path("current").asText("default");
        for (JsonNode p : root.path("profiles")) {
            if (wanted.equals(p.path("name").asText())) {
                return Optional.of(profile(p, wanted, file));
            }
        }
        if (required) {
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.noProfile", "There is no profile '{0}' in {1}; the"
                    + " profiles there are {2}.", wanted, file, names(root)));
        }
        return Optional.empty();
    }

    private static Loaded profile(JsonNode p, String name, Path file) {
        String mode = p.path("mode").asText("AK");
        String id = p.path("access_key_id").asText("");
        String secret = p.path("access_key_secret").asText("");
        Optional<String> region = Optional.of(p.path("region_id").asText("")).filter(CredentialLoader::notBlank);
        String source = "profile " + name + " of " + file;
        try {
            CloudCredentials c = switch (mode.toLowerCase(Locale.ROOT)) {
                case "ak" -> new CloudCredentials.AccessKey(id, secret);
                case "ststoken" -> new CloudCredentials.StsToken(id, secret, p.path("sts_token").asText(""));
                case "ramrolearn" -> new CloudCredentials.RamRoleArn(id, secret, p.path("ram_role_arn").asText(""), p.path("ram_session_name").asText(""));
                case "ecsramrole" -> new CloudCredentials.EcsRamRole(p.path("ram_role_name").asText(""));
                default -> throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.badMode", "Profile '{0}' has mode {1},"
                        + " which NetTune does not support; use AK, StsToken, RamRoleArn or EcsRamRole.", name, mode));
            };
            return new Loaded(c, source, region);
        } catch (IllegalArgumentException | NullPointerException e) {
            if (e instanceof CloudInputException ci) {
                throw ci;
            }
            throw new CloudInputException(dev.nettune.Phrase.of("cloud.credentials.incomplete", "Profile '{0}' (mode {1}) in {2} is"
                    + " incomplete: {3}", name, mode, file, dev.nettune.Phrase.from(e)));
        }
    }

    private static String names(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : root.path("profiles")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.path("name").asText());
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
