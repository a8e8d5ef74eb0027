package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.check;

import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.XpsChange;
import dev.nettune.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's XPS section: one CPU list per TX queue (or the spread), each shown as the mask written. */
public final class XpsSectionModel implements ProfileSection {
    private final BooleanProperty xpsSpread = new SimpleBooleanProperty(false);
    private final StringProperty xps = new SimpleStringProperty("");
    /** What the XPS lists become: "tx-0: CPUs 0-3, written as mask f". */
    private final StringProperty xpsMasks = new SimpleStringProperty("");
    private final StringProperty xpsError = new SimpleStringProperty("");

    private final Map<Integer, String> xpsLists = new TreeMap<>();
    private boolean spread;

    XpsSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(xpsSpread, xps);
    }

    @Override
    public void clear() {
        xpsLists.clear();
        spread = false;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof XpsChange x) {
            xpsLists.put(x.txQueue(), x.cpus());
            nic.accept(x.nic());
        } else if (e instanceof XpsChange.Spread s) {
            spread = true;
            nic.accept(s.nic());
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        xpsSpread.set(spread);
        StringBuilder x = new StringBuilder();
        int next = 0;
        for (var q : xpsLists.entrySet()) {
            for (; next < q.getKey(); next++) {
                x.append(XpsChange.NONE).append("; ");
            }
            x.append(q.getValue()).append("; ");
            next = q.getKey() + 1;
        }
        xps.set(x.toString().replaceAll(";\\s*$", ""));
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        xpsError.set("");
        List<String> masks = new ArrayList<>();
        if (nicOk && xpsSpread.get()) {
            entries.add(new XpsChange.Spread(nic));
            masks.add(Messages.get("profiles.xps.spreadNote"));
            if (!xps.get().isBlank()) {
                xpsError.set(Messages.get("profiles.xps.both"));
            }
        } else if (nicOk && !xps.get().isBlank()) {
            String[] lists = xps.get().split(";");
            for (int q = 0; q < lists.length; q++) {
                String list = lists[q].strip();
                if (list.isEmpty()) {
                    continue;
                }
                int queue = q;
                String err = check(() -> entries.add(new XpsChange(nic, queue, list)));
                if (!err.isEmpty()) {
                    xpsError.set("tx-" + q + ": " + err);
                    break;
                }
                XpsChange c = (XpsChange) entries.get(entries.size() - 1);
                masks.add(Messages.format(c.cpus().contains("-") ? "profiles.xpsMask.range" : "profiles.xpsMask",
                        "tx-" + q, c.cpus(), XpsChange.mask(c.cpus())));
            }
        }
        boolean ok = xpsError.get().isEmpty();
        xpsMasks.set(String.join("\n", masks));
        return ok;
    }

    public BooleanProperty xpsSpreadProperty() {
        return xpsSpread;
    }

    public StringProperty xpsProperty() {
        return xps;
    }

    public StringProperty xpsMasksProperty() {
        return xpsMasks;
    }

    public StringProperty xpsErrorProperty() {
        return xpsError;
    }
}
