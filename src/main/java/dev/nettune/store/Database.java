package dev.nettune.store;

import dev.nettune.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one SQLite file NetTune keeps (journal, host inventory, recordings). Each store creates
 * its own tables with {@link #ensureSchema}; connections are opened per unit of work.
 */
public final class Database {
    /**
     * When this system property is {@code true} (the screen tests set it), a connection asked for on the
     * JavaFX application thread is refused: a screen that reads SQLite there freezes while it waits.
     */
    public static final String REFUSE_UI_THREAD = "nettune.store.refuseUiThread";
    /** The name JavaFX gives its application thread; the store knows it by name only, not the toolkit. */
    private static final String FX_THREAD = "JavaFX Application Thread";

    private final Path file;

    private Database(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) the database file, with WAL so the UI can read while a plan writes. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.exists(parent)) {
                Files.createDirectories(parent);
                ownerOnly(parent, "rwx------");
            }
            if (!Files.exists(file)) {
                // The journal holds host names, commands and values: readable by its owner only, before SQLite
                // writes a byte (SQLite gives its -wal and -shm files the database file's permissions).
                Files.createFile(file);
            }
            ownerOnly(file, "rw-------");
            Database db = new Database(file);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            return db;
        } catch (Exception e) {
            throw new StoreException(Phrase.of("store.db.cannotOpen", "Cannot open the database {0}: {1}", file, e.getMessage()), e);
        }
    }

    private static void ownerOnly(Path p, String perms) throws java.io.IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }

    public Path file() {
        return file;
    }

    /** A new connection; the caller closes it. Foreign keys on, a busy timeout so writers queue. */
    public Connection connect() throws SQLException {
        if (Boolean.getBoolean(REFUSE_UI_THREAD) && FX_THREAD.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("SQLite on the JavaFX application thread (" + file.getFileName()
                    + "): run it through the screen's TaskRunner, off the UI thread.");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    /** Runs idempotent DDL ({@code CREATE TABLE IF NOT EXISTS ...}), statements separated by ';'. */
    public void ensureSchema(String ddl) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String stmt : ddl.split(";")) {
                if (!stmt.isBlank()) {
                    s.execute(stmt);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.db.cannotCreate", "Cannot create tables in {0}: {1}", file, e.getMessage()), e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE with {@code args} bound in order; a failure says it could not {@code what}. */
    public void update(Phrase what, String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.db.cannot", "Cannot {0}: {1}", what, e.getMessage()), e);
        }
    }
}
