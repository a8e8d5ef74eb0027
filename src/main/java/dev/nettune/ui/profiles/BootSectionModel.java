package dev.nettune.ui.profiles;

import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.ProfileEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's persistence section: whether the NIC's settings are applied again at every boot. */
public final class BootSectionModel implements ProfileSection {
    private final BooleanProperty persistBoot = new SimpleBooleanProperty(false);

    private boolean boot;

    BootSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(persistBoot);
    }

    @Override
    public void clear() {
        boot = false;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof BootReapply b) {
            boot = true;
            nic.accept(b.nic());
            return true;
        }
        return false;
    }

    @Override
    public void show() {
        persistBoot.set(boot);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        if (nicOk && persistBoot.get()) {
            entries.add(new BootReapply(nic));
        }
        return true;
    }

    public BooleanProperty persistBootProperty() {
        return persistBoot;
    }
}
