package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.List;

/** A systemd service running or stopped (for example irqbalance, which undoes manual IRQ affinity). */
public record ServiceChange(String unit, boolean active) implements Change {
    public ServiceChange {
        if (unit == null || !unit.matches("[A-Za-z0-9@_.:-]{1,64}")) {
            throw new TuningInputException(Phrase.of("tuning.service.badUnit", "'{0}' is not a systemd unit name: letters, digits and @_.:-.", unit));
        }
    }

    public static ServiceChange stopIrqbalance() {
        return new ServiceChange("irqbalance", false);
    }

    @Override
    public String target() {
        return "service " + unit;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.service", "Service {0}", unit);
    }


    @Override
    public String desired() {
        return active ? "active" : "inactive";
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("systemctl", "is-active", unit));
    }

    /** is-active prints the state and exits non-zero for anything but active; that is not a failure here. */
    @Override
    public Reading<String> read(List<CommandResult> results) {
        String s = results.get(0).stdout().strip();
        if (s.isEmpty()) {
            return Reading.unknown(Phrase.of("tuning.read.systemctl", "systemctl cannot tell: {0}", results.get(0).stderr().strip()));
        }
        return Reading.known(s.equals("active") ? "active" : "inactive");
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("systemctl", "active".equals(to) ? "start" : "stop", unit).asRoot()));
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        return active ? List.of() : List.of(Phrase.of("tuning.service.stopUntilReboot", "Stopping {0} lasts until the next reboot;"
                + " disable it there if you want it gone for good.", unit));
    }
}
