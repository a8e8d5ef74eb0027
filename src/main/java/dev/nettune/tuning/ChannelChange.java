package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Channels;
import dev.nettune.linux.Reading;
import java.util.List;
import java.util.Optional;

/**
 * A NIC's combined channel count ({@code ethtool -L NIC combined N}). Its value is {@code N|max}.
 * The planner adds the rules around it: a custom table that references a queue at or above N is
 * reset to the default first (the kernel refuses the change otherwise), and since a channel change
 * switches the device's RSS off while {@code ethtool -x} still shows the old settings, the key and
 * table are pushed again afterwards.
 */
public record ChannelChange(String nic, int combined) implements Change {
    public ChannelChange {
        TuningInputException.checkNic(nic);
        if (combined < 1 || combined > 4096) {
            throw new TuningInputException(Phrase.of("tuning.channels.outOfRange", "combined {0} is out of range: a NIC needs 1-4096 channels.", combined));
        }
    }

    static int current(String value) {
        return Integer.parseInt(value.split("\\|")[0]);
    }

    static int max(String value) {
        String[] p = value.split("\\|");
        return p.length > 1 ? Integer.parseInt(p[1]) : Integer.MAX_VALUE;
    }

    @Override
    public String target() {
        return "channels " + nic;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.channels", "Combined channels of {0}", nic);
    }


    @Override
    public String desired() {
        return Integer.toString(combined);
    }

    @Override
    public String desiredGiven(String current) {
        return combined + "|" + max(current);
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("ethtool", "-l", nic));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        return Change.readTool(results.get(0), "ethtool -l " + nic, out -> {
            Channels c = Channels.parse(out);
            if (c.combined().isEmpty() || c.maxCombined().isEmpty()) {
                return Reading.unknown(Phrase.of("tuning.read.noCombined", "{0} has no combined channels to set", nic));
            }
            return Reading.known(c.combined().getAsInt() + "|" + c.maxCombined().getAsInt());
        });
    }

    @Override
    public List<Phrase> problemsGiven(String current) {
        int max = max(current);
        if (combined > max) {
            return List.of(Phrase.of("tuning.channels.atMost", "{0} supports at most {1} combined channels, not {2}.", nic, max, combined));
        }
        return List.of();
    }

    @Override
    public boolean satisfies(String observed, String wanted) {
        return current(observed) == current(wanted);
    }

    @Override
    public List<Action> actions(String from, String to) {
        return List.of(new Action.Run(Command.of("ethtool", "-L", nic, "combined", Integer.toString(current(to))).asRoot()));
    }

    @Override
    public String show(String value) {
        return current(value) + (value.contains("|") ? " (max " + max(value) + ")" : "");
    }

    @Override
    public Optional<String> affectedNic() {
        return Optional.of(nic);
    }

    @Override
    public boolean canCutSession() {
        return true;
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        return List.of(Phrase.of("tuning.channels.warning", "Changing channels switches the device's RSS off (ethtool -x keeps showing"
                + " the old table): NetTune pushes the key and table again right after."));
    }
}
