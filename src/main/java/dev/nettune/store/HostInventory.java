package dev.nettune.store;

import dev.nettune.Phrase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The saved hosts (SQLite): name, address, user, port, jump host, key path. It stores how to
 * reach a host and nothing that unlocks it: no password or passphrase column exists.
 */
public final class HostInventory {
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS saved_host ("
            + " name TEXT PRIMARY KEY NOT NULL,"
            + " address TEXT NOT NULL,"
            + " login_user TEXT,"
            + " port INTEGER,"
            + " jump_host TEXT,"
            + " key_path TEXT,"
            + " added_at TEXT NOT NULL)";

    private final Database db;

    public HostInventory(Database db) {
        this.db = db;
        db.ensureSchema(SCHEMA);
    }

    /** Every saved host, by name. */
    public List<SavedHost> list() {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT name, address, login_user, port, jump_host, key_path FROM saved_host ORDER BY name COLLATE NOCASE");
             ResultSet rs = ps.executeQuery()) {
            List<SavedHost> hosts = new ArrayList<>();
            while (rs.next()) {
                hosts.add(read(rs));
            }
            return hosts;
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.hosts.cannotRead", "Cannot read the saved hosts from {0}: {1}", db.file(), e.getMessage()), e);
        }
    }

    public Optional<SavedHost> find(String name) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT name, address, login_user, port, jump_host, key_path FROM saved_host WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.hosts.cannotReadOne", "Cannot read the saved host '{0}' from {1}: {2}", name, db.file(), e.getMessage()), e);
        }
    }

    /** Saves {@code host}; false (and nothing changed) when a host of that name exists already. */
    public boolean add(SavedHost host) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO saved_host"
                     + " (name, address, login_user, port, jump_host, key_path, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, host.name());
            ps.setString(2, host.address());
            ps.setString(3, host.user().orElse(null));
            if (host.port().isPresent()) {
                ps.setInt(4, host.port().getAsInt());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setString(5, host.jump().orElse(null));
            ps.setString(6, host.keyPath().map(Path::toString).orElse(null));
            ps.setString(7, Instant.now().toString());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.hosts.cannotSave", "Cannot save the host '{0}' in {1}: {2}", host.name(), db.file(), e.getMessage()), e);
        }
    }

    /** Removes the host of that name; false when there was none. */
    public boolean remove(String name) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM saved_host WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.hosts.cannotRemove", "Cannot remove the host '{0}' from {1}: {2}", name, db.file(), e.getMessage()), e);
        }
    }

    private static SavedHost read(ResultSet rs) throws SQLException {
        int port = rs.getInt("port");
        OptionalInt p = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(port);
        String key = rs.getString("key_path");
        return new SavedHost(rs.getString("name"), rs.getString("address"), Optional.ofNullable(rs.getString("login_user")), p,
                Optional.ofNullable(rs.getString("jump_host")), Optional.ofNullable(key).map(Path::of));
    }
}
