package dev.nettune.tuning;

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
            throw new TuningInputException("Profile '" + profile.name() + "' is marked unrestricted and goes beyond what a"
                    + " tuning profile may do: " + String.join(" ", beyond) + " Read it, then pass " + ProfileLimits.FLAG
                    + " to plan or apply it anyway.");
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
        List<CommandResult> r = host.runAll(cmds, READ_TIMEOUT);
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
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        for (ProfileEntry e : profile.entries()) {
            try {
                e.skippedOn(facts).ifPresent(why -> skipped.add(why + " - skipped."));
                for (Change c : e.expand(facts, profile)) {
                    if (!targets.add(c.target())) {
                        problems.add(c.target() + " appears twice in the profile: keep one.");
                    }
                    changes.add(c);
                    problems.addAll(c.problems(facts));
                }
            } catch (TuningInputException ex) {
                problems.add(ex.getMessage());
            }
        }
        List<Reading<String>> readings = readAll(host, changes);
        Plan plan = diff(host.name(), profile.name(), facts, changes, readings, problems, repush);
        if (!skipped.isEmpty()) {
            List<String> notes = new ArrayList<>(skipped);
            notes.addAll(plan.notes());
            plan = new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), plan.steps(), plan.unchanged(), notes, plan.problems(),
                    plan.facts());
        }
        if (plan.steps().stream().anyMatch(s -> s.change() instanceof ChannelChange)) {
            plan = new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), ChannelRules.arrange(host, plan.steps()),
                    plan.unchanged(), plan.notes(), plan.problems(), plan.facts());
        }
        return profile.unrestricted() ? warned(plan) : plan;
    }

    /** The plan with a WARNING note on every step that goes beyond {@link ProfileLimits}, naming what it does. */
    private static Plan warned(Plan plan) {
        List<Step> steps = new ArrayList<>();
        for (Step s : plan.steps()) {
            List<String> beyond = ProfileLimits.beyond(s.change());
            if (beyond.isEmpty()) {
                steps.add(s);
                continue;
            }
            List<String> notes = new ArrayList<>();
            beyond.forEach(b -> notes.add(WARNING + "beyond NetTune's limits (unrestricted profile): " + b));
            notes.addAll(s.notes());
            steps.add(new Step(s.seq(), s.change(), s.before(), s.after(), s.actions(), s.commitConfirmed(), notes));
        }
        return new Plan(plan.id(), plan.host(), plan.profile(), plan.created(), steps, plan.unchanged(), plan.notes(),
                plan.problems(), plan.facts());
    }

    /** Reads the current value of every change in one round trip. */
    public static List<Reading<String>> readAll(Host host, List<Change> changes) throws HostException, InterruptedException {
        List<Command> cmds = new ArrayList<>();
        changes.forEach(c -> cmds.addAll(c.readCommands()));
        List<CommandResult> results = cmds.isEmpty() ? List.of() : host.runAll(cmds, READ_TIMEOUT);
        if (results.size() != cmds.size()) {
            throw new HostException("The host answered " + results.size() + " of " + cmds.size() + " reads.");
        }
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
                     List<String> problems) {
        return diff(host, profile, facts, changes, readings, problems, false);
    }

    static Plan diff(String host, String profile, HostFacts facts, List<Change> changes, List<Reading<String>> readings,
                     List<String> problems, boolean repush) {
        List<Step> steps = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> allProblems = new ArrayList<>(problems);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Reading<String> r = readings.get(i);
            if (!r.isKnown()) {
                String why = c.title() + ": " + r.unknownReason().get()
                        + (r.unknownReason().get().contains("this kernel") ? " (" + facts.kernelVersion() + ")" : "");
                if (c.optional()) {
                    notes.add(why + " - skipped.");
                } else {
                    allProblems.add(why + ".");
                }
                continue;
            }
            String before = r.asOptional().get();
            Optional<String> skipped = c.skippedBecause(before);
            if (skipped.isPresent()) {
                notes.add(c.title() + ": " + skipped.get() + " - skipped.");
                continue;
            }
            List<String> given = c.problemsGiven(before);
            if (!given.isEmpty()) {
                allProblems.addAll(given);
                continue;
            }
            String after;
            try {
                after = c.desiredGiven(before);
            } catch (IllegalArgumentException ex) {
                allProblems.add(c.title() + ": " + ex.getMessage());
                continue;
            }
            boolean again = repush && (c instanceof RssKeyChange || c instanceof RssTableChange);
            if (c.satisfies(before, after) && !again) {
                unchanged.add(c.title() + " is already " + oneLine(c.show(before)));
                continue;
            }
            boolean confirmed = c.canCutSession() && c.affectedNic().map(facts::mayCarrySession).orElse(false);
            List<String> warnings = new ArrayList<>(c.warnings(before, facts));
            if (again && c.satisfies(before, after)) {
                warnings.add(0, "Re-push: " + c.title() + " already reads " + oneLine(c.show(before))
                        + "; pushed again so that the device uses it (RSS may be off after boot or a channel change).");
            }
            steps.add(new Step(steps.size() + 1, c, before, after, c.actions(before, after), confirmed, warnings));
        }
        return new Plan(newId(), host, profile, Instant.now(), steps, unchanged, notes, allProblems, facts);
    }

    private static String oneLine(String v) {
        return v.contains("\n") ? "as wanted" : v;
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
