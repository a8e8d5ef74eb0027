package dev.nettune.app;

import dev.nettune.host.local.LocalHost;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.store.HostInventory;
import java.nio.file.Path;

/**
 * The application's services, built once at start-up and handed to the CLI commands and the
 * screens: where files live and the database. Areas add their services here.
 */
public final class AppContext implements AutoCloseable {
    private final Path configDir;
    private volatile Database database;
    private final BuiltInHosts builtInHosts = new BuiltInHosts();
    private volatile HostInventory hostInventory;
    private final HostResolver hostResolver;
    private volatile LocalOpenApiServer cloudSandbox;
    private CloudJournalStore cloudJournal;

    public AppContext(Path configDir) {
        this.configDir = configDir;
        builtInHosts.register(LocalHost.NAME, LocalHost::new);
        // HOOK (sandbox area): builtInHosts.register("sandbox", ...) — the simulated instance.
        this.hostResolver = new HostResolver(builtInHosts, this::hostInventory, SshConfig::defaultFile);
    }

    public static AppContext fromEnvironment() {
        return new AppContext(ConfigDirectory.resolve());
    }

    public Path configDir() {
        return configDir;
    }

    /** The SQLite file, opened on first use so that commands that need none start fast. */
    public Database database() {
        Database db = database;
        if (db == null) {
            synchronized (this) {
                if (database == null) {
                    database = Database.open(configDir.resolve("nettune.db"));
                }
                db = database;
            }
        }
        return db;
    }

    /** The hosts NetTune brings along ({@code local}, {@code sandbox}); areas register theirs here. */
    public BuiltInHosts builtInHosts() {
        return builtInHosts;
    }

    /** Saved hosts (SQLite), opened on first use. */
    public HostInventory hostInventory() {
        HostInventory inv = hostInventory;
        if (inv == null) {
            synchronized (this) {
                if (hostInventory == null) {
                    hostInventory = new HostInventory(database());
                }
                inv = hostInventory;
            }
        }
        return inv;
    }

    /** Host name (local, sandbox, saved, ssh alias, user@host[:port]) to {@link dev.nettune.host.Host}. */
    public HostResolver hostResolver() {
        return hostResolver;
    }

    /**
     * The sandbox region's local OpenAPI server (seeded cn-hongkong, fake demo AccessKey
     * {@code SandboxCredentials.DEMO}), started on first use; point the SDK at {@code endpoint()} over HTTP.
     */
    public LocalOpenApiServer cloudSandbox() {
        LocalOpenApiServer server = cloudSandbox;
        if (server == null) {
            synchronized (this) {
                if (cloudSandbox == null) {
                    cloudSandbox = LocalOpenApiServer.startDemo();
                }
                server = cloudSandbox;
            }
        }
        return server;
    }

    /** The journal of cloud plans (in the SQLite file), created on first use. */
    public synchronized CloudJournalStore cloudJournal() {
        if (cloudJournal == null) {
            cloudJournal = new CloudJournalStore(database());
        }
        return cloudJournal;
    }

    @Override
    public void close() {
        // Connections are per unit of work; the sandbox server is the one long-lived thing to stop.
        LocalOpenApiServer server = cloudSandbox;
        if (server != null) {
            server.stop();
        }
    }
}
