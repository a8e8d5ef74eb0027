package dev.nettune.cli;

import dev.nettune.Phrase;
import dev.nettune.app.AppContext;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Profile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nettune fleet apply --profile NAME (targets) [--via] [--parallel N] [--canary N] [--max-failures N] [--yes] [--json]},
 * or {@code nettune fleet apply --resume RUN [--yes] [--json]}.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Preview the profile on every target (read in parallel, only what differs), then apply it: the canary first,",
            "then --parallel at a time; --max-failures N tolerates N failed instances and starts no new one at N + 1.",
            "A failed instance is rolled back. --resume RUN continues a run NetTune stopped in the middle of.",
            "Exit 0 all applied, 1 any failed, 2 bad input."})
final class FleetApplyCommand implements Callable<Integer> {
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--profile", paramLabel = "NAME", description = "The tuning profile (a name or a file).")
    String profile;
    @Option(names = "--resume", paramLabel = "RUN", description = "Continue run RUN that NetTune stopped in the middle of (UNFINISHED or"
            + " CANCELLED, see `fleet status`) with its own profile, targets and policy: done instances are left alone, one in"
            + " flight is read again and finished or rolled back, the rest start now.")
    String resume;
    @Mixin
    FleetReachOptions reach = new FleetReachOptions();
    @Option(names = "--parallel", defaultValue = "10", paramLabel = "N", description = "Instances worked on at once (default ${DEFAULT-VALUE}).")
    int parallel;
    @Option(names = "--canary", defaultValue = "1", paramLabel = "N", description = "The first N targets run first; if one fails nothing else starts (default ${DEFAULT-VALUE}).")
    int canary;
    @Option(names = "--max-failures", defaultValue = "0", paramLabel = "N", description = "Failed instances tolerated; at N + 1 no new one starts (default ${DEFAULT-VALUE}).")
    int maxFailures;
    @Option(names = "--confirm-timeout", defaultValue = "60", paramLabel = "S", description = "Seconds before an armed revert fires on an instance unless confirmed (10-3600).")
    int confirmTimeout;
    @Option(names = "--yes", description = "Apply without asking.")
    boolean yes;
    @Option(names = "--skip-offline", description = "When the preflight (DescribeCloudAssistantStatus) finds agents offline or not"
            + " installed, run on the other instances and journal those SKIPPED (the run exits 1); without it such a run is refused.")
    boolean skipOffline;
    @Option(names = "--json", description = "Print the run id and each instance's status and reason as JSON.")
    boolean json;

    FleetApplyCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            return resumeRun();
        }
        if (profile == null) {
            throw new CliInputException(CliText.get("fleet.apply.needProfile"));
        }
        RolloutPolicy policy = new RolloutPolicy(canary, parallel, maxFailures);
        Profile p = ctx.profiles().find(profile);
        FleetService fleet = ctx.fleet();
        fleet.confirmTimeout(java.time.Duration.ofSeconds(confirmTimeout));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FleetInstance> members = reach.resolve(fleet);
        HostOptions options = reach.connection.toHostOptions();
        // Preflight: every agent is asked before anything is read or changed, so none is found offline mid-rollout.
        Map<String, Phrase> offline = fleet.cloudAssistantOffline(members);
        List<FleetInstance> reachable = members.stream().filter(m -> !offline.containsKey(m.hostName())).toList();
        List<InstancePreview> previews = fleet.preview(reachable, p, parallel, options, new Cancellation(), x -> { });
        Map<String, InstancePreview> byName = new LinkedHashMap<>();
        previews.forEach(x -> byName.put(x.instance().hostName(), x));
        PrintWriter log = json ? err : out;
        log.println(members.size() == 1 ? CliText.format("fleet.preview.headerOne", p.name())
                : CliText.format("fleet.preview.header", p.name(), String.valueOf(members.size())));
        printPreview(log, members, byName, offline);
        log.flush();
        if (!offline.isEmpty()) {
            String list = CliText.format("fleet.apply.offline", String.valueOf(offline.size()), String.valueOf(members.size()),
                    String.join(", ", offline.keySet()));
            if (!skipOffline || reachable.isEmpty()) {
                err.println(CliText.format(reachable.isEmpty() ? "fleet.apply.offlineNoneLeft" : "fleet.apply.offlineRefused", list));
                err.flush();
                return 1;
            }
            log.println(CliText.format("fleet.apply.skipping", list));
            log.flush();
        }
        String question = offline.isEmpty()
                ? CliText.format("fleet.apply.question", p.name(), String.valueOf(reachable.size()), policy.displayPhrase().in(CliText.locale()))
                : CliText.format("fleet.apply.questionSkipping", p.name(), String.valueOf(reachable.size()),
                        policy.displayPhrase().in(CliText.locale()), String.valueOf(offline.size()));
        if (!FleetOutput.confirmed(yes, question, err)) {
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        FleetRun run = untilCtrlC(cancel -> fleet.apply(p, members, policy, previews, offline, options, FleetOutput.printer(log, false), cancel));
        return reported(run, out);
    }

    /**
     * One line per instance, then each distinct set of changes once with the instances it is on: fifty
     * instances built from one image differ from a profile in the same way, and fifty copies of the same
     * before/after hide the one instance that differs otherwise.
     */
    static void printPreview(PrintWriter log, List<FleetInstance> members, Map<String, InstancePreview> byName,
                             Map<String, Phrase> offline) {
        Locale l = CliText.locale();
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        List<String> what = new ArrayList<>();
        for (FleetInstance m : members) {
            InstancePreview x = byName.get(m.hostName());
            if (x == null) {
                what.add(CliText.format("fleet.preview.notReachable", offline.get(m.hostName()).in(l)));
                continue;
            }
            List<String> lines = x.plan().map(plan -> plan.steps().stream().map(st -> st.change().titlePhrase().in(l) + ": "
                    + shown(st.change(), st.before(), l) + " -> " + shown(st.change(), st.after(), l)).toList()).orElse(List.of());
            if (lines.isEmpty()) {
                what.add(x.summaryPhrase().in(l));
                continue;
            }
            groups.computeIfAbsent(lines, k -> new ArrayList<>()).add(m.target().name());
            int letter = new ArrayList<>(groups.keySet()).indexOf(lines);
            what.add((x.changes() == 1 ? CliText.format("fleet.preview.changesOne", groupName(letter))
                    : CliText.format("fleet.preview.changes", String.valueOf(x.changes()), groupName(letter)))
                    + (x.plan().get().problems().isEmpty() ? "" : "; " + x.summaryPhrase().in(l)));
        }
        for (int i = 0; i < members.size(); i++) {
            FleetInstance m = members.get(i);
            log.println("  " + CliText.padRight(m.target().name(), 24) + " " + CliText.padRight(FleetOutput.reach(m.reach()), 40) + " " + what.get(i));
        }
        int letter = 0;
        for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
            int n = g.getValue().size();
            log.println("  " + (n == 1 ? CliText.format("fleet.preview.groupOne", groupName(letter++))
                    : CliText.format("fleet.preview.group", groupName(letter++), String.valueOf(n))));
            g.getKey().forEach(line -> log.println("      " + line));
        }
    }

    /** A, B, ... Z, then A2, B2, ...: short names for the distinct sets of changes. */
    private static String groupName(int i) {
        return (char) ('A' + i % 26) + (i < 26 ? "" : Integer.toString(i / 26 + 1));
    }

    private int resumeRun() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        for (String o : List.of("--profile", "--parallel", "--canary", "--max-failures", "--via", "--user", "--skip-offline")) {
            if (parsed.hasMatchedOption(o)) {
                throw new CliInputException(CliText.format("fleet.resume.notWith", o));
            }
        }
        if (reach.named()) {
            throw new CliInputException(CliText.get("fleet.resume.noTargets"));
        }
        FleetService fleet = ctx.fleet();
        fleet.confirmTimeout(java.time.Duration.ofSeconds(confirmTimeout));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter log = json ? err : out;
        FleetRun run = fleet.run(resume).orElseThrow(() -> new CliInputException(CliText.format("fleet.run.none", resume)));
        FleetOutput.report(log, run);
        long left = run.instances().stream().filter(r -> !r.status().failure() && r.status() != InstanceStatus.APPLIED).count();
        if (!FleetOutput.confirmed(yes, left == 1 ? CliText.format("fleet.resume.questionOne", run.id())
                : CliText.format("fleet.resume.question", run.id(), String.valueOf(left)), err)) {
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        HostOptions options = reach.connection.toHostOptions();
        FleetRun done = untilCtrlC(cancel -> fleet.resume(resume, options, FleetOutput.printer(log, false), cancel));
        return reported(done, out);
    }

    private int reported(FleetRun run, PrintWriter out) {
        CliOutput.print(out, json, () -> FleetOutput.json(run), o -> FleetOutput.report(o, run));
        return run.succeeded() ? 0 : 1;
    }

    /** A run that Ctrl-C cancels: nothing new starts and the instances in flight finish or roll back before the JVM goes. */
    private FleetRun untilCtrlC(RunBody body) throws Exception {
        Cancellation cancel = new Cancellation();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                ended.await(confirmTimeout + 60L, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleet-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.run(cancel);
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook has run
            }
        }
    }

    /** The run itself, given the cancellation Ctrl-C sets. */
    @FunctionalInterface
    private interface RunBody {
        FleetRun run(Cancellation cancel) throws Exception;
    }

    /**
     * A before or after value on one line: in English as it reads; in another language a value the change has its own
     * words for ("(no file)") in those, while file contents and long values are what is on the host, as they are.
     */
    private static String shown(dev.nettune.tuning.Change c, String value, Locale l) {
        if (!"zh".equals(l.getLanguage()) || value.contains("\n") || !c.show(value).equals(value)) {
            return oneLine(value);
        }
        return oneLine(c.showPhrase(value).in(l));
    }

    private static String oneLine(String v) {
        String s = v.replace("\n", "\u23ce ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
