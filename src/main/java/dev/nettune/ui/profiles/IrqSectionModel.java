package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.parseLines;

import dev.nettune.tuning.IrqAffinityChange;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.ServiceChange;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's IRQ affinity section: "irq: CPUs" lines, and what happens to irqbalance. */
public final class IrqSectionModel implements ProfileSection {
    /** What happens to irqbalance, which moves IRQs back to where it likes them. */
    public enum Irqbalance {
        LEAVE("profiles.irqbalance.leave"),
        BAN("cloud.production.irq.ban"),
        STOP("profiles.irqbalance.stop");

        private final String key;

        Irqbalance(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return Messages.get(key);
        }
    }

    private final StringProperty irqs = new SimpleStringProperty("");
    private final ObjectProperty<Irqbalance> irqbalance = new SimpleObjectProperty<>(Irqbalance.BAN);
    private final StringProperty irqsError = new SimpleStringProperty("");

    private final StringBuilder irqLines = new StringBuilder();
    private Irqbalance choice = Irqbalance.LEAVE;

    IrqSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(irqs, irqbalance);
    }

    @Override
    public void clear() {
        irqLines.setLength(0);
        choice = Irqbalance.LEAVE;
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof IrqAffinityChange i) {
            irqLines.append(i.irq()).append(": ").append(i.cpus()).append('\n');
        } else if (e instanceof ProfileEntry.BanIrqs) {
            choice = Irqbalance.BAN;
        } else if (e instanceof ServiceChange s && s.unit().equals("irqbalance") && !s.active()) {
            choice = Irqbalance.STOP;
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void show() {
        irqs.set(irqLines.toString().strip());
        irqbalance.set(irqLines.length() == 0 && choice == Irqbalance.LEAVE ? Irqbalance.BAN : choice);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        List<Integer> irqNumbers = new ArrayList<>();
        irqsError.set(parseLines(irqs.get(), ':', "30: 0-1", (k, v) -> {
            int irq;
            try {
                irq = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw new TuningInputException(dev.nettune.Phrase.of("tuning.irq.notNumber", "'{0}' is not an IRQ number: give the"
                        + " number from /proc/interrupts, 0-65535, then ':' and the CPUs (30: 0-1).", k));
            }
            entries.add(new IrqAffinityChange(irq, v, ""));
            irqNumbers.add(irq);
        }));
        boolean ok = irqsError.get().isEmpty();
        if (!irqNumbers.isEmpty() && irqsError.get().isEmpty()) {
            if (irqbalance.get() == Irqbalance.BAN) {
                entries.add(new ProfileEntry.BanIrqs(irqNumbers));
            } else if (irqbalance.get() == Irqbalance.STOP) {
                entries.add(ServiceChange.stopIrqbalance());
            }
        }
        return ok;
    }

    public StringProperty irqsProperty() {
        return irqs;
    }

    public ObjectProperty<Irqbalance> irqbalanceProperty() {
        return irqbalance;
    }

    public StringProperty irqsErrorProperty() {
        return irqsError;
    }
}
