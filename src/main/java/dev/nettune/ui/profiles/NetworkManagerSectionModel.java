package dev.nettune.ui.profiles;

import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.ProfileEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's NetworkManager section: whether NetworkManager leaves the NIC alone, and for good. */
public final class NetworkManagerSectionModel implements ProfileSection {
    private final BooleanProperty unmanage = new SimpleBooleanProperty(false);
    private final BooleanProperty persistUnmanage = new SimpleBooleanProperty(true);

    private boolean nm;
    private boolean persistNm;

    NetworkManagerSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(unmanage, persistUnmanage);
    }

    @Override
    public void clear() {
        nm = false;
        persistNm = false;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof NetworkManagerChange n && !n.managed()) {
            nm = true;
            nic.accept(n.nic());
        } else if (e instanceof ProfileEntry.PersistNetworkManager n) {
            persistNm = true;
            nic.accept(n.nic());
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        unmanage.set(nm);
        persistUnmanage.set(persistNm || !nm);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        if (nicOk && unmanage.get()) {
            entries.add(NetworkManagerChange.unmanage(nic));
            if (persistUnmanage.get()) {
                entries.add(new ProfileEntry.PersistNetworkManager(nic));
            }
        }
        return true;
    }

    public BooleanProperty unmanageProperty() {
        return unmanage;
    }

    public BooleanProperty persistUnmanageProperty() {
        return persistUnmanage;
    }
}
