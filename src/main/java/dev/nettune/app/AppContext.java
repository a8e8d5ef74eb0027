package dev.nettune.app;

import dev.nettune.store.Database;
import java.nio.file.Path;

/**
 * The application's services, built once at start-up and handed to the CLI commands and the
 * screens: where files live and the database. Areas add their services here.
 */
public final class AppContext implements AutoCloseable {
    private final Path configDir;
    private volatile Database database;

    public AppContext(Path configDir) {
        this.configDir = configDir;
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

    @Override
    public void close() {
        // Connections are per unit of work; nothing long-lived to close yet.
    }
}
