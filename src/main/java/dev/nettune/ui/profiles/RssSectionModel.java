package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.check;

import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's RSS section: the NIC's hash key and indirection table, each empty to keep the NIC's. */
public final class RssSectionModel implements ProfileSection {
    private final StringProperty rssKey = new SimpleStringProperty("");
    private final StringProperty rssTable = new SimpleStringProperty("");
    private final StringProperty rssKeyError = new SimpleStringProperty("");
    private final StringProperty rssTableError = new SimpleStringProperty("");

    private String key = "";
    private String table = "";

    RssSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(rssKey, rssTable);
    }

    @Override
    public void clear() {
        key = "";
        table = "";
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof RssKeyChange k) {
            key = k.key();
            nic.accept(k.nic());
        } else if (e instanceof RssTableChange t) {
            table = t.spec();
            nic.accept(t.nic());
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        rssKey.set(key);
        rssTable.set(table);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        boolean ok = true;
        rssKeyError.set(rssKey.get().isBlank() || !nicOk ? "" : check(() -> entries.add(new RssKeyChange(nic,
                rssKey.get().strip()))));
        ok &= rssKeyError.get().isEmpty();
        rssTableError.set(rssTable.get().isBlank() || !nicOk ? "" : check(() -> entries.add(new RssTableChange(nic,
                rssTable.get().strip()))));
        ok &= rssTableError.get().isEmpty();
        return ok;
    }

    public StringProperty rssKeyProperty() {
        return rssKey;
    }

    public StringProperty rssTableProperty() {
        return rssTable;
    }

    public StringProperty rssKeyErrorProperty() {
        return rssKeyError;
    }

    public StringProperty rssTableErrorProperty() {
        return rssTableError;
    }
}
