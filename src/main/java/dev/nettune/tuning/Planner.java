package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.Reading;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a profile into a plan for one host: reads the host's facts, expands the profile, reads the
 * current value of every change in one round trip and keeps only what differs.
 */
public final class Planner {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** How a step's note starts when the step goes beyond {@link ProfileLimits}; the preview prints it as its own line. */
    public static final String WARNING = "WARNING: ";
    private final boolean allowUnrestricted;

    /** A planner that refuses a profile going beyond {@link ProfileLimits}. */
    public Planner() {
        this(false);
    }

    private Planner(boolean allowUnrestricted) {
        this.allowUnrestricted = allowUnrestricted;
    }

    /**
     * A planner that plans a profile marked {@code unrestricted} too, because the user said so (the CLI's
     * {@value ProfileLimits#FLAG}, a confirmation in the GUI) or because the plan's steps come from the
     * journal of one they allowed; every step beyond the limits carries a {@link #WARNING} note.
     */
    public static Planner allowingUnrestricted() {
        return new Planner(true);
    }

    /** Refuses, before the host is touched, a profile beyond the limits that the user has not allowed. */
    private void checkAllowed(Profile profile) {
        List<String> beyond = profile.beyondLimits();
        if (!beyond.isEmpty() && !allowUnrestricted) {
            throw new TuningInputException(Phrase.of("tuning.plan.unrestricted", "Profile '{0}' is marked unrestricted and goes"
                    + " beyond what a tuning profile may do: {1} Read it, then pass {2} to plan or apply it anyway.",
                    profile.name(), Phrase.joined(" ", profile.beyondLimitPhrases()), ProfileLimits.FLAG));
        }
    }

    /** Reads what the planner needs to know about the host (one round trip, plus one for the session's route). */
    public HostFacts readFacts(Host host, Set<String> nics) throws HostException, InterruptedException {
        List<Command> cmds = new ArrayList<>(List.of(
                Command.of("uname", "-r"),
                Command.of("cat", "/sys/devices/system/cpu/online"),
                Command.of("test", "-d", "/run/systemd/system"),
                Command.of("printenv", "SSH_CONNECTION"),
                Command.of("systemctl", "is-active", "irqbalance")));
        List<String> nicList = List.copyOf(nics);
        nicList.forEach(n -> cmds.add(Command.of("ls", "/sys/class/net/" + TuningInputException.checkNic(n) + "/queues")));
        List<CommandResult> r = answered(host.runAll(cmds, READ_TIMEOUT), cmds);
        String kernel = r.get(0).ok() ? r.get(0).stdout().strip() : "unknown";
        String online = r.get(1).ok() ? r.get(1).stdout().strip() : "";
        boolean systemd = r.get(2).ok();
        Map<String, Integer> tx = new LinkedHashMap<>();
        for (int i = 0; i < nicList.size(); i++) {
            CommandResult q = r.get(5 + i);
            if (q.ok()) {
                tx.put(nicList.get(i), (int) q.stdout().lines().filter(l -> l.strip().startsWith("tx-")).count());
            }
        }
        boolean local = "local".equals(host.name());
        Optional<String> sessionNic = Optional.empty();
        String ssh = r.get(3).ok() ? r.get(3).stdout().strip() : "";
        if (!ssh.isEmpty()) {
            String client = ssh.split("\\s+")[0];
            if (client.matches("[0-9A-Fa-f:.]{2,45}")) {
                CommandResult route = host.run(Command.of("ip", "-o", "route", "get", client), READ_TIMEOUT);
                var m = java.util.regex.Pattern.compile("\\bdev (\\S+)").matcher(route.stdout());
                if (route.ok() && m.find()) {
                    sessionNic = Optional.of(m.group(1));
                }
            }
        }
        boolean irqbalance = r.get(4).ok() && r.get(4).stdout().strip().equals("active");
        return new HostFacts(kernel, online, systemd, sessionNic, local, tx, irqbalance);
    }

    /** The plan for applying {@code profile} to {@code host}. Reads only; changes nothing. */
    public Plan plan(Host host, Profile profile) throws HostException, InterruptedException {
        checkAllowed(profile);
        Set<String> nics = new LinkedHashSet<>();
        for (ProfileEntry e : profile.entries()) {
            if (e instanceof Change c) {
                c.affectedNic().ifPresent(nics::add);
            } else if (e instanceof NicScoped s) {
                nics.add(s.nic());
            }
        }
        HostFacts facts = readFacts(host, nics);
        return plan(host, profile, facts);
    }

    /** The plan given facts already read. */
    public Plan plan(Host host, Profile profile, HostFacts facts) throws HostException, InterruptedException {
        return plan(host, profile, facts, false);
    }

    /**
     * A re-push: the plan for {@code profile} in which an RSS key or table that already reads as wanted
     * is pushed again anyway (a device may show a key and table it does not use: after boot until the
     * first {@code ethtool -X}, and after a channel change). Journaled and undoable like any plan.
     */
    public Plan planRepush(Host host, Profile profile) throws HostException, InterruptedException {
        checkAllowed(profile);
        Set<String> nics = new LinkedHashSet<>();
        for (ProfileEntry e : profile.entries()) {
            if (e instanceof Change c) {
                c.affectedNic().ifPresent(nics::add);
            }
        }
        return plan(host, profile, readFacts(host, nics), true);
    }

    private Plan plan(Host host, Profile profile, HostFacts facts, boolean repush) throws HostException, InterruptedException {
        checkAllowed(profile);
        List<Phrase> problems = new ArrayList<>();
        List<Phrase> skipped = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        for (ProfileEntry e : profile.entries()) {
            try {
                e.skippedOn(facts).ifPresent(why -> skipped.add(skippedNote(why)));
                for (Change c : e.expand(facts, profile)) {
                    if (!targets.add(c.target())) {
                        problems.add(Phrase.of("tuning.plan.twice", "{0} appears twice in the profile: keep one.", c.target()));
                    }
                    changes.add(c);
                    problems.addAll(c.problems(facts));
                }
            } catch (TuningInputException ex) {
                problems.add(ex.phrase());
            }
        }
        List<Reading<String>> readings = readAll(host, changes);
        Plan plan = diff(host.name(), profile.name(), facts, changes, readings, problems, repush);
        if (!skipped.isEmpty()) {
            List<Phrase> notes = new ArrayList<>(skipped);
            notes.addAll(plan.notePhrases());
            plan = new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), plan.steps(), plan.unchangedPhrases(), notes,
                    plan.problemPhrases(), plan.facts());
        }
        if (plan.steps().stream().anyMatch(s -> s.change() instanceof ChannelChange)) {
            plan = new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), ChannelRules.arrange(host, plan.steps()),
                    plan.unchangedPhrases(), plan.notePhrases(), plan.problemPhrases(), plan.facts());
        }
        return profile.unrestricted() ? warned(plan) : plan;
    }

    /** The plan with a WARNING note on every step that goes beyond {@link ProfileLimits}, naming what it does. */
    private static Plan warned(Plan plan) {
        List<Step> steps = new ArrayList<>();
        for (Step s : plan.steps()) {
            List<Phrase> beyond = ProfileLimits.beyondPhrases(s.change());
            if (beyond.isEmpty()) {
                steps.add(s);
                continue;
            }
            List<Phrase> notes = new ArrayList<>();
            beyond.forEach(b -> notes.add(Phrase.of("tuning.plan.beyondLimits", "WARNING: beyond NetTune's limits (unrestricted profile): {0}", b)));
            notes.addAll(s.notePhrases());
            steps.add(new Step(s.seq(), s.change(), s.before(), s.after(), s.actions(), s.commitConfirmed(), notes));
        }
        return new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), steps, plan.unchangedPhrases(), plan.notePhrases(),
                plan.problemPhrases(), plan.facts());
    }

    // A batch of reads with an answer per command; a connection that lost some is a host failure, said as one.
    private static List<CommandResult> answered(List<CommandResult> results, List<Command> cmds) throws HostException {
        if (results.size() != cmds.size()) {
            throw new HostException(Phrase.of("tuning.plan.answeredShort", "The host answered {0} of {1} reads.", results.size(),
                    cmds.size()));
        }
        return results;
    }

    /** Reads the current value of every change in one round trip. */
    public static List<Reading<String>> readAll(Host host, List<Change> changes) throws HostException, InterruptedException {
        List<Command> cmds = new ArrayList<>();
        changes.forEach(c -> cmds.addAll(c.readCommands()));
        List<CommandResult> results = cmds.isEmpty() ? List.of() : answered(host.runAll(cmds, READ_TIMEOUT), cmds);
        List<Reading<String>> readings = new ArrayList<>();
        int i = 0;
        for (Change c : changes) {
            int n = c.readCommands().size();
            readings.add(c.read(results.subList(i, i + n)));
            i += n;
        }
        return readings;
    }

    /** Reads one change's current value. */
    public static Reading<String> read(Host host, Change change) throws HostException, InterruptedException {
        return readAll(host, List.of(change)).get(0);
    }

    static Plan diff(String host, String profile, HostFacts facts, List<Change> changes, List<Reading<String>> readings,
                     List<Phrase> problems) {
        return diff(host, profile, facts, changes, readings, problems, false);
    }

    static Plan diff(String host, String profile, HostFacts facts, List<Change> changes, List<Reading<String>> readings,
                     List<Phrase> problems, boolean repush) {
        List<Step> steps = new ArrayList<>();
        List<Phrase> unchanged = new ArrayList<>();
        List<Phrase> notes = new ArrayList<>();
        List<Phrase> allProblems = new ArrayList<>(problems);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Reading<String> r = readings.get(i);
            if (!r.isKnown()) {
                Phrase why = r.unknownReason().get().contains("this kernel")
                        ? Phrase.of("tuning.plan.unreadableOnKernel", "{0}: {1} ({2})", c.titlePhrase(), r.unknownPhrase().get(),
                                facts.kernelVersion())
                        : titled(c, r.unknownPhrase().get());
                if (c.optional()) {
                    notes.add(skippedNote(why));
                } else {
                    allProblems.add(sentence(why));
                }
                continue;
            }
            String before = r.asOptional().get();
            Optional<Phrase> skipped = c.skippedBecause(before);
            if (skipped.isPresent()) {
                notes.add(skippedNote(titled(c, skipped.get())));
                continue;
            }
            List<Phrase> given = c.problemsGiven(before);
            if (!given.isEmpty()) {
                allProblems.addAll(given);
                continue;
            }
            String after;
            try {
                after = c.desiredGiven(before);
            } catch (IllegalArgumentException ex) {
                allProblems.add(titled(c, Phrase.from(ex)));
                continue;
            }
            boolean again = repush && (c instanceof RssKeyChange || c instanceof RssTableChange);
            if (c.satisfies(before, after) && !again) {
                unchanged.add(Phrase.of("tuning.plan.already", "{0} is already {1}", c.titlePhrase(), shownOnOneLine(c, before)));
                continue;
            }
            boolean confirmed = c.canCutSession() && c.affectedNic().map(facts::mayCarrySession).orElse(false);
            List<Phrase> warnings = new ArrayList<>(c.warnings(before, facts));
            if (again && c.satisfies(before, after)) {
                warnings.add(0, Phrase.of("tuning.plan.repush", "Re-push: {0} already reads {1}; pushed again so that the device uses it"
                        + " (RSS may be off after boot or a channel change).", c.titlePhrase(), shownOnOneLine(c, before)));
            }
            steps.add(new Step(steps.size() + 1, c, before, after, c.actions(before, after), confirmed, warnings));
        }
        return new Plan(newId(), host, profile, Instant.now(), steps, unchanged, notes, allProblems, facts);
    }

    /** A value as a table shows it, or "as wanted" when it spans lines (a file): as a phrase. */
    static Phrase shownOnOneLine(Change c, String value) {
        return c.show(value).contains("\n") ? Phrase.of("tuning.plan.asWanted", "as wanted") : c.showPhrase(value);
    }

    /** "TITLE: what" with the change's title in the same language. */
    static Phrase titled(Change c, Phrase what) {
        return Phrase.of("tuning.plan.titled", "{0}: {1}", c.titlePhrase(), what);
    }

    /** A note of the plan's Skipped list: "WHY - skipped.". */
    static Phrase skippedNote(Phrase why) {
        return Phrase.of("tuning.plan.skipped", "{0} - skipped.", why);
    }

    /** A reason ended as a sentence: "WHY.". */
    static Phrase sentence(Phrase why) {
        return Phrase.of("tuning.plan.sentence", "{0}.", why);
    }

    /** A plan id that sorts by time and is safe in unit and file names: {@code 20261122-023000-1a2b}. */
    static String newId() {
        return ID_TIME.format(Instant.now()) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }

    /** A profile entry that is about one NIC (its TX queues are read as a fact). */
    public interface NicScoped {
        String nic();
    }
}
