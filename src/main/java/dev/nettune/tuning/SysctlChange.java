package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.List;

/** One kernel parameter set at run time with {@code sysctl -w}; read with {@code sysctl -n}. */
public record SysctlChange(String name, String value) implements Change {
    public SysctlChange {
        SysctlSpec.checkName(name);
        value = SysctlSpec.checkValue(name, value);
    }

    @Override
    public String target() {
        return "sysctl " + name;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.literal(name);
    }

    @Override
    public String desired() {
        return value;
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("sysctl", "-n", name));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        CommandResult r = results.get(0);
        if (!r.ok()) {
            String err = r.stderr().toLowerCase(java.util.Locale.ROOT);
            if (err.contains("cannot stat") || err.contains("unknown key") || err.contains("no such file")) {
                return Reading.unknown(Phrase.of("tuning.sysctl.notOnKernel", "not available on this kernel"));
            }
            return Reading.unknown(Phrase.of("tuning.read.cannotRead", "cannot be read: {0}", r.stderr().strip()));
        }
        return Reading.known(r.stdout().strip().replaceAll("\\s+", " "));
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("sysctl", "-w", name + "=" + to).asRoot()));
    }

    @Override
    public boolean optional() {
        return name.startsWith("net.smc.");
    }
}
