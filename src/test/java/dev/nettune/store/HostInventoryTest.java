package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved hosts in a real SQLite file. */
class HostInventoryTest {
    @TempDir
    Path dir;

    private static SavedHost full() {
        return new SavedHost("prod-eni", "10.0.0.5", Optional.of("ecs-user"), OptionalInt.of(2222),
                Optional.of("jump@47.1.2.3:22"), Optional.of(Path.of("/home/me/.ssh/id_prod")));
    }

    @Test
    void savedHostsAreListedByNameWithEveryField() {
        HostInventory inv = new HostInventory(Database.open(dir.resolve("n.db")));
        assertThat(inv.add(full())).isTrue();
        assertThat(inv.add(SavedHost.of("alpha", "web"))).isTrue();
        assertThat(inv.list()).containsExactly(SavedHost.of("alpha", "web"), full());
    }

    @Test
    void hostsSurviveReopeningTheFile() {
        new HostInventory(Database.open(dir.resolve("n.db"))).add(full());
        assertThat(new HostInventory(Database.open(dir.resolve("n.db"))).find("prod-eni")).contains(full());
    }

    @Test
    void addingAnExistingNameChangesNothing() {
        HostInventory inv = new HostInventory(Database.open(dir.resolve("n.db")));
        inv.add(full());
        assertThat(inv.add(SavedHost.of("prod-eni", "other"))).isFalse();
        assertThat(inv.find("prod-eni")).contains(full());
    }

    @Test
    void removeDeletesOnlyThatHost() {
        HostInventory inv = new HostInventory(Database.open(dir.resolve("n.db")));
        inv.add(full());
        inv.add(SavedHost.of("alpha", "web"));
        assertThat(inv.remove("prod-eni")).isTrue();
        assertThat(inv.remove("prod-eni")).isFalse();
        assertThat(inv.list()).extracting(SavedHost::name).containsExactly("alpha");
    }

    @Test
    void theFileHoldsNoSecretColumnAndNoSecret() throws Exception {
        Database db = Database.open(dir.resolve("n.db"));
        HostInventory inv = new HostInventory(db);
        inv.add(full());
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(saved_host)")) {
            while (rs.next()) {
                columns.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("name", "address", "login_user", "port", "jump_host", "key_path", "added_at");
        assertThat(columns).noneMatch(c -> c.contains("pass") || c.contains("secret") || c.contains("token") || c.contains("pw"));
        // A record type cannot even carry a secret: its components are the columns.
        assertThat(SavedHost.class.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
                .containsExactly("name", "address", "user", "port", "jump", "keyPath");
        byte[] raw = Files.readAllBytes(db.file());
        byte[] wal = Files.exists(Path.of(db.file() + "-wal")) ? Files.readAllBytes(Path.of(db.file() + "-wal")) : new byte[0];
        String all = new String(raw, StandardCharsets.ISO_8859_1) + new String(wal, StandardCharsets.ISO_8859_1);
        assertThat(all).contains("10.0.0.5").doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("passphrase");
    }

    @Test
    void badValuesAreRefusedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> SavedHost.of("local", "x")).hasMessageContaining("built-in");
        assertThatThrownBy(() -> SavedHost.of("a b", "x")).hasMessageContaining("Allowed");
        assertThatThrownBy(() -> SavedHost.of("ok", "$(reboot)")).hasMessageContaining("Not an address");
        assertThatThrownBy(() -> new SavedHost("ok", "h", Optional.empty(), OptionalInt.of(70000), Optional.empty(), Optional.empty()))
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> new SavedHost("ok", "h", Optional.of("-oProxyCommand=x"), OptionalInt.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("Not a login name");
        assertThatThrownBy(() -> new SavedHost("ok", "h", Optional.empty(), OptionalInt.empty(), Optional.of("a;b"), Optional.empty()))
                .hasMessageContaining("Not a jump host");
    }
}
