package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.IrqAffinityChange;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Queues and interrupts: how many combined channels the NIC uses ({@code ethtool -L}), which CPUs serve
 * which of its IRQs ({@code smp_affinity_list}), and whether irqbalance must leave those IRQs alone.
 */
public final class IrqStepModel extends HostStepModel {
    /** Combined channels; blank leaves them as they are. */
    private final StringProperty channels = new SimpleStringProperty("");
    /** "IRQ=CPUs" pairs separated by ';', for example "45=0; 46=1". */
    private final StringProperty affinity = new SimpleStringProperty("");
    private final BooleanProperty banFromIrqbalance = new SimpleBooleanProperty(true);

    public IrqStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("irq", Messages.get("production.step.title.irq"), work, host, nic);
        inputsAre(channels, affinity, banFromIrqbalance);
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.irq");
    }

    /** The channel change and IRQ affinities of the form (empty when both fields are blank). */
    public List<ProfileEntry> entries() {
        List<ProfileEntry> out = new ArrayList<>();
        String c = channels.get() == null ? "" : channels.get().strip();
        if (!c.isEmpty()) {
            out.add(new ChannelChange(nic.get(), Integer.parseInt(TimeWaitStepModel.number(Messages.get("production.irq.channels"), c, 1, 4096))));
        }
        List<Integer> irqs = new ArrayList<>();
        String a = affinity.get() == null ? "" : affinity.get();
        for (String pair : a.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(Messages.format("production.irq.notPair", pair.strip()));
            }
            int irq = Integer.parseInt(TimeWaitStepModel.number(Messages.get("production.irq.irq"), kv[0], 0, 65535));
            out.add(new IrqAffinityChange(irq, kv[1], nic.get()));
            irqs.add(irq);
        }
        if (!irqs.isEmpty() && banFromIrqbalance.get()) {
            out.add(new ProfileEntry.BanIrqs(irqs));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("production.step.irq.empty"));
        }
        return out;
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.nicOf", title(), nic.get()), entries());
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public StringProperty channelsProperty() {
        return channels;
    }

    public StringProperty affinityProperty() {
        return affinity;
    }

    public BooleanProperty banFromIrqbalanceProperty() {
        return banFromIrqbalance;
    }
}
