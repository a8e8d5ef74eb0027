package dev.nettune.app;

import dev.nettune.host.local.LocalHost;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.sandbox.SandboxCloudBridge;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import dev.nettune.sandbox.cloud.DemoSeed;
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
    private final SandboxInstance sandbox = SandboxInstance.demo();
    private volatile SandboxTraffic sandboxTraffic;

    public AppContext(Path configDir) {
        this.configDir = configDir;
        builtInHosts.register(LocalHost.NAME, LocalHost::new);
        builtInHosts.register(SandboxInstance.NAME, () -> sandbox);
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
                    cloudSandbox.cloud().addListener(new SandboxCloudBridge(sandbox, DemoSeed.SANDBOX_INSTANCE));
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

    /** The simulated Alibaba Cloud Linux 3 instance behind the built-in host {@code sandbox}: one per application. */
    public SandboxInstance sandboxInstance() {
        return sandbox;
    }

    /** Sends test flows (the seed's hping3 scenarios, a background rate) to the sandbox instance. */
    public SandboxTraffic sandboxTraffic() {
        SandboxTraffic t = sandboxTraffic;
        if (t == null) {
            synchronized (this) {
                if (sandboxTraffic == null) {
                    sandboxTraffic = new SandboxTraffic(sandbox, 42);
                }
                t = sandboxTraffic;
            }
        }
        return t;
    }

    /** The tuning journal (SQLite), the engine that writes it, and the profile library. */
    public dev.nettune.tuning.TuningEngine tuningEngine() {
        dev.nettune.tuning.TuningEngine e = tuningEngine;
        if (e == null) {
            synchronized (this) {
                if (tuningEngine == null) {
                    tuningEngine = new dev.nettune.tuning.TuningEngine(new dev.nettune.store.SqliteJournal(database()));
                }
                e = tuningEngine;
            }
        }
        return e;
    }

    public dev.nettune.tuning.Journal tuningJournal() {
        return tuningEngine().journal();
    }

    public dev.nettune.tuning.ProfileLibrary profiles() {
        return new dev.nettune.tuning.ProfileLibrary(configDir.resolve("profiles"));
    }

    private volatile dev.nettune.tuning.TuningEngine tuningEngine;

    private final RssProposals rssProposals = new RssProposals();

    /** RSS changes one screen proposes and another plans (the Monitor's fix, handed to Tuning). */
    public RssProposals rssProposals() {
        return rssProposals;
    }

    @Override
    public void close() {
        hostResolver.closeAll();
        SandboxTraffic traffic = sandboxTraffic;
        if (traffic != null) {
            traffic.close();
        }
        // Connections are per unit of work; the sandbox server is the one long-lived thing to stop.
        LocalOpenApiServer server = cloudSandbox;
        if (server != null) {
            server.stop();
        }
    }
}
