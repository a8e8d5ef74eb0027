package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.XpsChange;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Seed step 6: which CPUs send through each TX queue, typed as CPU lists (one per queue, separated by
 * ';'), written as the hex mask {@code xps_cpus} takes; or the usual spread (queue i on CPU i mod n).
 */
public final class XpsStepModel extends HostStepModel {
    /** Why the seed's command is wrong, shown on the page, in the app's language. */
    public static String seedIsWrong() {
        return Messages.get("production.xps.seedIsWrong");
    }

    private final BooleanProperty spread = new SimpleBooleanProperty(false);
    private final StringProperty cpus = new SimpleStringProperty("0-3");
    private final StringBinding masks;

    public XpsStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("xps", Messages.get("production.step.title.xps"), work, host, nic);
        inputsAre(spread, cpus);
        masks = Bindings.createStringBinding(this::maskText, spread, cpus, nic);
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.xps");
    }

    /** The changes of the form: one per TX queue with a list, or the spread. */
    public List<ProfileEntry> entries() {
        if (spread.get()) {
            return List.of(new XpsChange.Spread(nic.get()));
        }
        List<ProfileEntry> out = new ArrayList<>();
        String[] lists = cpus.get() == null ? new String[0] : cpus.get().split(";");
        for (int q = 0; q < lists.length; q++) {
            if (!lists[q].isBlank()) {
                out.add(new XpsChange(nic.get(), q, lists[q]));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("production.step.xps.empty"));
        }
        return out;
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.seedStep", "6"), entries());
    }

    /** What will be written, queue by queue: "tx-0: CPUs 0-3 → mask f". */
    public StringBinding masksProperty() {
        return masks;
    }

    private String maskText() {
        if (spread.get()) {
            return Messages.get("production.step.xps.spread");
        }
        try {
            StringBuilder sb = new StringBuilder();
            for (ProfileEntry e : entries()) {
                XpsChange x = (XpsChange) e;
                sb.append(sb.length() == 0 ? "" : "\n").append("tx-").append(x.txQueue()).append(Messages.format("production.xps.maskLine", x.cpus(),
                        XpsChange.mask(x.cpus()), x.path()));
            }
            return sb.toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public BooleanProperty spreadProperty() {
        return spread;
    }

    public StringProperty cpusProperty() {
        return cpus;
    }
}
