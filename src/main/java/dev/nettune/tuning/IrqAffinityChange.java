package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CPUs serve one interrupt ({@code /proc/irq/N/smp_affinity_list}). irqbalance, when it runs,
 * moves it back; the plan warns and a profile can ban the IRQs from irqbalance or stop it.
 */
public record IrqAffinityChange(int irq, String cpus, String label) implements Change {
    public IrqAffinityChange {
        if (irq < 0 || irq > 65535) {
            throw new TuningInputException(Phrase.of("tuning.irq.outOfRange", "IRQ {0} is out of range: 0-65535.", irq));
        }
        cpus = XpsChange.canonical(cpus);
        if (XpsChange.NONE.equals(cpus)) {
            throw new TuningInputException(Phrase.of("tuning.irq.noCpu", "IRQ {0} needs at least one CPU: an interrupt must be served somewhere.", irq));
        }
        label = label == null ? "" : label.replaceAll("[^A-Za-z0-9_.:@ -]", "");
    }

    public String path() {
        return "/proc/irq/" + irq + "/smp_affinity_list";
    }

    @Override
    public String target() {
        return "irq " + irq;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return label.isEmpty() ? dev.nettune.Phrase.of("tuning.title.irq", "IRQ {0} affinity", irq) : dev.nettune.Phrase.of("tuning.title.irqLabel", "IRQ {0} affinity ({1})", irq, label);
    }


    @Override
    public String desired() {
        return cpus;
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("cat", path()));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        CommandResult r = results.get(0);
        if (!r.ok()) {
            return Reading.unknown(r.stderr().contains("No such file") ? Phrase.of("tuning.irq.none", "there is no IRQ {0}", irq)
                    : Phrase.of("tuning.read.cannotReadPath", "cannot read {0}: {1}", path(), r.stderr().strip()));
        }
        try {
            return Reading.known(CpuSet.parseList(r.stdout().strip()).toList());
        } catch (IllegalArgumentException e) {
            return Reading.unknown(path() + ": " + e.getMessage());
        }
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("tee", path()).withStdin(to + "\n").asRoot()));
    }

    @Override
    public List<Phrase> problems(HostFacts facts) {
        return XpsChange.checkOnline(CpuSet.parseList(cpus), facts, titlePhrase());
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        List<Phrase> w = new ArrayList<>();
        if (facts.irqbalance()) {
            w.add(Phrase.of("tuning.irq.irqbalance", "irqbalance is running and will move IRQ {0} again: add \"Ban IRQs from"
                    + " irqbalance\" or \"Stop irqbalance\" to the profile.", irq));
        }
        return w;
    }
}
