package dev.nettune.testing;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudAccounts;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.sandbox.cloud.SandboxCredentials;
import dev.nettune.sandbox.cloud.SimulatedCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A "real" (non-sandbox) account for journeys: the local OpenAPI server with a key of its own, written as
 * profile {@code prod} (mode AK, region cn-hongkong) of {@code ~/.aliyun/config.json} under an isolated
 * home, reached through an endpoint override. The real SDK signs every call and the server checks it.
 */
public final class RealAccountRig implements AutoCloseable {
    public static final String PROFILE = "prod";
    public static final String REGION = DemoSeed.REGION;
    public static final SandboxCredentials KEY = new SandboxCredentials("LTAI5tJourneyFakeKey42", "journey-fake-secret-NOT-REAL-42");

    public final LocalOpenApiServer server;
    public final Path home;
    public final AppContext context;
    public final CloudAccounts accounts;

    public RealAccountRig(Path dir) {
        SimulatedCloud cloud = DemoSeed.create(Clock.systemUTC());
        cloud.setTransitionDelay(Duration.ofMillis(200));
        server = new LocalOpenApiServer(cloud, KEY).start(0);
        home = dir.resolve("home");
        writeProfile(home, "{\"current\":\"" + PROFILE + "\",\"profiles\":[{\"name\":\"" + PROFILE + "\",\"mode\":\"AK\",\"access_key_id\":\""
                + KEY.accessKeyId() + "\",\"access_key_secret\":\"" + KEY.accessKeySecret() + "\",\"region_id\":\"" + REGION + "\"}]}");
        context = new AppContext(dir.resolve("config"));
        accounts = CloudAccounts.forHome(context, Map.of(), home);
    }

    /** Writes {@code home/.aliyun/config.json} as {@code aliyun configure} would. */
    public static void writeProfile(Path home, String json) {
        try {
            Files.createDirectories(home.resolve(".aliyun"));
            Files.writeString(home.resolve(".aliyun").resolve("config.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint override a user types to reach this server. */
    public String endpoint() {
        return "http://" + server.endpoint();
    }

    public CloudAccounts.Account prod() {
        return accounts.find("profile:" + PROFILE).orElseThrow();
    }

    /** Makes the Cloud screen open on profile prod with this server's endpoint, as after a previous launch. */
    public void rememberProd() {
        accounts.remember(new CloudAccounts.Choice("profile:" + PROFILE, Optional.of(REGION), Optional.of(endpoint())));
    }

    @Override
    public void close() {
        context.close();
        server.stop();
    }
}
