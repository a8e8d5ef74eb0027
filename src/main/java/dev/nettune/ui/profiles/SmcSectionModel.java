package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.check;
import static dev.nettune.ui.profiles.SectionText.lines;
import static dev.nettune.ui.profiles.SectionText.parseLines;

import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.SmcChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's SMC section: whether SMC is turned on, its net.smc sysctls, and whether they persist. */
public final class SmcSectionModel implements ProfileSection {
    private final BooleanProperty smc = new SimpleBooleanProperty(false);
    private final StringProperty smcSysctls = new SimpleStringProperty(lines(SmcChange.SEED));
    private final BooleanProperty persistSmc = new SimpleBooleanProperty(true);
    private final StringProperty smcError = new SimpleStringProperty("");

    private boolean smcOn;
    private boolean persistSmcOn;
    private Map<String, String> smcValues = SmcChange.SEED;

    SmcSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(smc, smcSysctls, persistSmc);
    }

    @Override
    public void clear() {
        smcOn = false;
        persistSmcOn = false;
        smcValues = SmcChange.SEED;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof SmcChange s) {
            smcOn = true;
            smcValues = s.sysctls();
        } else if (e instanceof ProfileEntry.PersistSmc) {
            persistSmcOn = true;
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        smc.set(smcOn);
        smcSysctls.set(lines(smcValues));
        persistSmc.set(persistSmcOn || !smcOn);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        boolean ok = true;
        smcError.set("");
        if (smc.get()) {
            Map<String, String> values = new LinkedHashMap<>();
            smcError.set(parseLines(smcSysctls.get(), '=', "net.smc.smc_enabled = 1", values::put));
            if (smcError.get().isEmpty()) {
                smcError.set(check(() -> entries.add(new SmcChange(values))));
            }
            ok = smcError.get().isEmpty();
            if (persistSmc.get()) {
                entries.add(new ProfileEntry.PersistSmc());
            }
        }
        return ok;
    }

    public BooleanProperty smcProperty() {
        return smc;
    }

    public StringProperty smcSysctlsProperty() {
        return smcSysctls;
    }

    public BooleanProperty persistSmcProperty() {
        return persistSmc;
    }

    public StringProperty smcErrorProperty() {
        return smcError;
    }
}
