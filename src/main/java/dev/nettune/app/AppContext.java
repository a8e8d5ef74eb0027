package dev.nettune.app;

import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.aliyun.CredentialLoader;
import dev.nettune.host.local.LocalHost;
import dev.nettune.host.ssh.SshConfig;
import dev.nettune.monitor.Recordings;
import dev.nettune.sandbox.SandboxCloudBridge;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.store.CloudJournalStore;
import dev.nettune.store.Database;
import dev.nettune.store.HostInventory;
import dev.nettune.store.RecordingStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

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
    private final HostDirectory hostDirectory;
    private final NicRssService nicRss;
    private final DpdkExport dpdkExport;
    private final DemoTraffic demoTraffic = new DemoTraffic(this::sandboxTraffic);
    private volatile Recordings recordings;
    private volatile Supplier<CredentialLoader> cloudCredentials = CredentialLoader::fromSystem;
    private volatile LocalOpenApiServer cloudSandbox;
    private CloudJournal cloudJournal;
    /** Built on first use: its simulated kernel, files and NICs cost start-up time a screen may never need. */
    private volatile SandboxInstance sandbox;
    private volatile SandboxTraffic sandboxTraffic;

    public AppContext(Path configDir) {
        this(configDir, SshConfig::defaultFile);
    }

    /** As {@link #AppContext(Path)}, reading ssh aliases from {@code sshConfigFile} (an isolated one in tests). */
    public AppContext(Path configDir, Supplier<Path> sshConfigFile) {
        this.configDir = configDir;
        // The sandbox first: a newcomer can try every step safely, and every host list shows it on top.
        builtInHosts.register(SandboxInstance.NAME, "simulated ECS, Alibaba Cloud Linux 3", this::sandboxInstance);
        builtInHosts.register(LocalHost.NAME, "this workstation", LocalHost::new);
        this.hostResolver = new HostResolver(builtInHosts, this::hostInventory, sshConfigFile);
        this.hostDirectory = new HostDirectory(builtInHosts, this::hostInventory, sshConfigFile);
        this.nicRss = new NicRssService(hostResolver, this::tuningEngine);
        this.dpdkExport = new DpdkExport(nicRss);
    }

    public static AppContext fromEnvironment() {
        return new AppContext(ConfigDirectory.resolve());
    }

    public Path configDir() {
        return configDir;
    }

    private volatile SettingsStore settings;

    /** Language, theme, window, last host and screen, last cloud account and region ({@code settings.properties}), read on first use. */
    public SettingsStore settings() {
        SettingsStore s = settings;
        if (s == null) {
            synchronized (this) {
                if (settings == null) {
                    settings = SettingsStore.open(configDir);
                }
                s = settings;
            }
        }
        return s;
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

    /** Built-in, saved and ~/.ssh/config hosts as one list; saving and removing hosts. */
    public HostDirectory hostDirectory() {
        return hostDirectory;
    }

    /** Reads a NIC's live key and table ({@code ethtool -x}) on a host given by name. */
    public NicRssService nicRss() {
        return nicRss;
    }

    /** The DPDK configuration (testpmd, l3fwd, C) for a key and table, typed or read from a live NIC. */
    public DpdkExport dpdkExport() {
        return dpdkExport;
    }

    /** Background traffic for the sandbox host (the Monitor's moving charts). */
    public DemoTraffic demoTraffic() {
        return demoTraffic;
    }

    /** Stored monitor recordings (in the SQLite file), opened on first use. */
    public Recordings recordings() {
        Recordings r = recordings;
        if (r == null) {
            synchronized (this) {
                if (recordings == null) {
                    recordings = new RecordingStore(database());
                }
                r = recordings;
            }
        }
        return r;
    }

    /**
     * Where cloud credentials come from: by default the process environment and ~/.aliyun; a test
     * or an embedding program passes its own environment and home directory.
     */
    public void cloudCredentialsFrom(Map<String, String> environment, Path home) {
        this.cloudCredentials = () -> new CredentialLoader(environment, home);
    }

    /** Reads cloud credentials (--profile, environment, ~/.aliyun/config.json, ECS RAM role) as configured. */
    CredentialLoader cloudCredentials() {
        return cloudCredentials.get();
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
                    cloudSandbox.cloud().addListener(new SandboxCloudBridge(sandboxInstance(), DemoSeed.SANDBOX_INSTANCE));
                    sandboxFleet = dev.nettune.sandbox.SandboxFleet.install(cloudSandbox.cloud());
                }
                server = cloudSandbox;
            }
        }
        return server;
    }

    private volatile dev.nettune.sandbox.SandboxFleet sandboxFleet;

    /**
     * The guests of the sandbox region's fleet instances (tag fleet=demo, Cloud Assistant installed), for
     * faults and checks; starts the sandbox region if it is not running yet.
     */
    public dev.nettune.sandbox.SandboxFleet sandboxFleet() {
        cloudSandbox();
        return sandboxFleet;
    }

    /** The journal of cloud plans (in the SQLite file), created on first use. */
    public synchronized CloudJournal cloudJournal() {
        if (cloudJournal == null) {
            cloudJournal = new CloudJournalStore(database());
        }
        return cloudJournal;
    }

    /** The simulated Alibaba Cloud Linux 3 instance behind the built-in host {@code sandbox}: one per application. */
    public SandboxInstance sandboxInstance() {
        SandboxInstance s = sandbox;
        if (s == null) {
            synchronized (this) {
                if (sandbox == null) {
                    sandbox = SandboxInstance.demo();
                }
                s = sandbox;
            }
        }
        return s;
    }

    /** Sends test flows (the seed's hping3 scenarios, a background rate) to the sandbox instance. */
    public SandboxTraffic sandboxTraffic() {
        SandboxTraffic t = sandboxTraffic;
        if (t == null) {
            synchronized (this) {
                if (sandboxTraffic == null) {
                    sandboxTraffic = new SandboxTraffic(sandboxInstance(), 42);
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

    /** Where the guided production setup keeps how far it got, to be resumed. */
    public SetupProgress setupProgress() {
        return new SetupProgress(configDir);
    }

    public dev.nettune.tuning.ProfileLibrary profiles() {
        return new dev.nettune.tuning.ProfileLibrary(configDir.resolve("profiles"), new dev.nettune.store.FileSystemProfileFiles());
    }

    private volatile dev.nettune.tuning.TuningEngine tuningEngine;

    private final RssProposals rssProposals = new RssProposals();
    private volatile FleetService fleet;

    /** The fleet runner (targets, preview, rolling apply, runs, undo), created on first use. */
    public FleetService fleet() {
        FleetService f = fleet;
        if (f == null) {
            synchronized (this) {
                if (fleet == null) {
                    fleet = new FleetService(this);
                }
                f = fleet;
            }
        }
        return f;
    }

    /** RSS changes one screen proposes and another plans (the Monitor's fix, handed to Tuning). */
    public RssProposals rssProposals() {
        return rssProposals;
    }

    @Override
    public void close() {
        SettingsStore s = settings;
        if (s != null) {
            s.close();
        }
        FleetService f = fleet;
        if (f != null) {
            f.close();
        }
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
