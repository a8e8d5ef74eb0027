package dev.nettune.app;

import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.aliyun.AliyunCloudApi;
import dev.nettune.cloud.aliyun.ApiEndpoint;
import dev.nettune.cloud.aliyun.CloudCredentials;
import dev.nettune.cloud.aliyun.CredentialLoader;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.sandbox.cloud.SandboxCredentials;
import java.util.Optional;

/**
 * A connection to the cloud API as the user chose it, for the CLI and the GUI. The rule: the
 * endpoint {@code sandbox} means the built-in local OpenAPI server, started in-process with its
 * fake demo key (region {@code cn-hongkong} unless given); any other endpoint is an http(s) URL
 * that overrides the regional one; without an endpoint the regional public endpoints are used.
 * Credentials come from {@code --profile}, the environment or ~/.aliyun/config.json (never from
 * NetTune's own files); the sandbox needs none.
 */
public record CloudConnection(CloudApi api, RegionId region, String endpoint, String credentials, boolean sandbox) implements AutoCloseable {
    /** Who the connection calls as, in the user's language: the sandbox's fake demo key, else the credentials as they show. */
    public dev.nettune.Phrase credentialsPhrase() {
        return sandbox && credentials.equals(sandboxKey().toString()) ? sandboxKey() : dev.nettune.Phrase.literal(credentials);
    }

    private static dev.nettune.Phrase sandboxKey() {
        return dev.nettune.Phrase.of("cloud.connect.sandboxKey", "sandbox demo key {0}", CloudCredentials.mask(SandboxCredentials.DEMO.accessKeyId()));
    }

    /** The endpoint name that selects the built-in local server. */
    public static final String SANDBOX = "sandbox";

    /** Connects; {@code region} falls back to the profile's region, then ALIBABA_CLOUD_REGION_ID. */
    public static CloudConnection open(AppContext context, Optional<String> endpoint, Optional<String> profile, Optional<String> region) {
        return open(context, endpoint, profile, region, context.cloudCredentials());
    }

    /** As {@link #open(AppContext, Optional, Optional, Optional)}, with credentials read by {@code loader}. */
    static CloudConnection open(AppContext context, Optional<String> endpoint, Optional<String> profile, Optional<String> region,
            CredentialLoader loader) {
        if (endpoint.filter(SANDBOX::equalsIgnoreCase).isPresent()) {
            if (profile.isPresent()) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.connect.profileAndSandbox", "--profile and --endpoint sandbox"
                        + " do not go together: the sandbox uses its own fake demo key."));
            }
            LocalOpenApiServer server = context.cloudSandbox();
            SandboxCredentials demo = SandboxCredentials.DEMO;
            ApiEndpoint local = ApiEndpoint.parse("http://" + server.endpoint());
            AliyunCloudApi api = new AliyunCloudApi(new CloudCredentials.AccessKey(demo.accessKeyId(), demo.accessKeySecret()), Optional.of(local));
            return new CloudConnection(api, RegionId.of(region.orElse(DemoSeed.REGION)), "sandbox (" + local.url() + ")",
                    sandboxKey().toString(), true);
        }
        Optional<ApiEndpoint> override = endpoint.map(ApiEndpoint::parse);
        CredentialLoader.Loaded loaded = loader.load(profile).orElseThrow(() -> new CloudInputException(loader.noCredentials()));
        String r = region.or(loaded::region).orElseThrow(() -> new CloudInputException(
                dev.nettune.Phrase.of("cloud.connect.noRegion", "No region: pass --region (e.g. cn-hongkong), or set region_id in the"
                        + " profile, or ALIBABA_CLOUD_REGION_ID.")));
        RegionId regionId = RegionId.of(r);
        AliyunCloudApi api = new AliyunCloudApi(loaded.credentials(), override);
        return new CloudConnection(api, regionId, api.endpointDescription(regionId), loaded.display(), false);
    }

    /** The region set in the credentials' profile ({@code --profile}, else the current one), if any. */
    public static Optional<RegionId> profileRegion(AppContext context, Optional<String> profile) {
        return context.cloudCredentials().load(profile).flatMap(CredentialLoader.Loaded::region).map(RegionId::of);
    }

    @Override
    public void close() {
        if (api instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing an HTTP client: nothing the user can act on
            }
        }
    }

    @Override
    public String toString() {
        return region + " via " + endpoint + " as " + credentials;
    }
}
