package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.LinuxParseException;
import dev.nettune.linux.Reading;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One reversible setting on a host: how to read its current value, the actions that set a value
 * (the desired one, or the journaled "before" on rollback), and how to compare them. Values are
 * canonical text so that before and after can be journaled and compared as they are.
 */
public interface Change extends ProfileEntry {
    /** What is changed, unique within a plan: for example {@code sysctl net.ipv4.tcp_fin_timeout}. */
    String target();

    /** A short human title ("RSS hash key of eth1") as a phrase the screens say in the user's language; a path or a sysctl name is its own title. */
    dev.nettune.Phrase titlePhrase();

    /** The title in English, as journals, playbooks and logs write it. */
    default String title() {
        return titlePhrase().toString();
    }

    /** The value this change wants, in canonical form. */
    String desired();

    /** The commands whose output {@link #read} turns into the current value (run in one round trip). */
    List<Command> readCommands();

    /** The current value from the results of {@link #readCommands}, in the same order. */
    Reading<String> read(List<CommandResult> results);

    /**
     * The reading of one tool's output: unknown with its stderr when it failed, or with the parser's
     * complaint when it printed something unreadable; otherwise what {@code parse} makes of it.
     */
    static Reading<String> readTool(CommandResult result, String what, Function<String, Reading<String>> parse) {
        if (!result.ok()) {
            return Reading.unknown(dev.nettune.Phrase.of("tuning.read.failed", "{0} failed: {1}", what, result.stderr().strip()));
        }
        try {
            return parse.apply(result.stdout());
        } catch (LinuxParseException e) {
            return Reading.unknown(dev.nettune.Phrase.of("tuning.read.unreadable", "{0} printed something NetTune cannot read: {1}",
                    what, dev.nettune.Phrase.from(e)));
        }
    }

    /** The actions that set {@code to} on a host that now has {@code from}. */
    List<Action> actions(String from, String to);

    /** The value that should be read back after setting {@code wanted}, given what was there before. */
    default String desiredGiven(String current) {
        return desired();
    }

    /** Whether {@code observed} means {@code wanted} is in effect. */
    default boolean satisfies(String observed, String wanted) {
        return observed.equals(wanted);
    }

    /** The NIC this change touches, if any (used to decide commit-confirmed). */
    default Optional<String> affectedNic() {
        return Optional.empty();
    }

    /** Whether this kind of change can cut a connection that runs over its NIC. */
    default boolean canCutSession() {
        return false;
    }

    /** Problems with this change on this host (CPU not online, queue out of range); empty when fine. */
    default List<dev.nettune.Phrase> problems(HostFacts facts) {
        return List.of();
    }

    /**
     * Why this change is skipped on a host whose current value is {@code current} (the daemon it talks to is not
     * there, so there is nothing to change), said in the plan's Skipped list instead of "already as wanted";
     * empty when it applies.
     */
    default Optional<dev.nettune.Phrase> skippedBecause(String current) {
        return Optional.empty();
    }

    /** Problems with setting this change on a host whose current value is {@code current} (key length, rings). */
    default List<dev.nettune.Phrase> problemsGiven(String current) {
        return List.of();
    }

    /** {@link #show(String)} as a phrase the screens say in the user's language (most values are numbers or names). */
    default dev.nettune.Phrase showPhrase(String value) {
        return dev.nettune.Phrase.literal(show(value));
    }

    /** A value as a person reads it in a table (canonical values can be long, like a 128-entry table). */
    default String show(String value) {
        return value;
    }

    /** Warnings the user should read before applying (for example: a key change re-hashes connections). */
    default List<dev.nettune.Phrase> warnings(String before, HostFacts facts) {
        return List.of();
    }

    @Override
    default List<Change> expand(HostFacts facts, Profile profile) {
        return List.of(this);
    }

    /** The files this change writes atomically (their temporary files are what a killed run can leave). */
    default List<String> writtenFiles() {
        return List.of();
    }

    /** When the value cannot be read: true if the plan simply skips it (an optional kernel feature). */
    default boolean optional() {
        return false;
    }
}
