package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.lines;
import static dev.nettune.ui.profiles.SectionText.parseLines;

import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.SysctlChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's sysctl section: "name = value" lines, and whether they are kept across reboots. */
public final class SysctlSectionModel implements ProfileSection {
    private final StringProperty sysctls = new SimpleStringProperty("");
    private final BooleanProperty persistSysctls = new SimpleBooleanProperty(true);
    private final StringProperty sysctlsError = new SimpleStringProperty("");

    private final Map<String, String> loaded = new LinkedHashMap<>();
    private boolean persistSys;

    SysctlSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(sysctls, persistSysctls);
    }

    @Override
    public void clear() {
        loaded.clear();
        persistSys = false;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof SysctlChange s) {
            loaded.put(s.name(), s.value());
        } else if (e instanceof ProfileEntry.PersistSysctls) {
            persistSys = true;
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        sysctls.set(lines(loaded));
        persistSysctls.set(persistSys);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        List<SysctlChange> sys = new ArrayList<>();
        sysctlsError.set(parseLines(sysctls.get(), '=', "net.ipv4.tcp_fin_timeout = 15",
                (k, v) -> sys.add(new SysctlChange(k, v))));
        boolean ok = sysctlsError.get().isEmpty();
        entries.addAll(sys);
        if (persistSysctls.get() && !sys.isEmpty()) {
            entries.add(new ProfileEntry.PersistSysctls(null));
        }
        return ok;
    }

    public StringProperty sysctlsProperty() {
        return sysctls;
    }

    public BooleanProperty persistSysctlsProperty() {
        return persistSysctls;
    }

    public StringProperty sysctlsErrorProperty() {
        return sysctlsError;
    }
}
