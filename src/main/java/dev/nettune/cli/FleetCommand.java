package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.FleetMonitorService;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInputException;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Profile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune fleet apply|status|undo|drift|monitor}: one profile across many instances, rolling, journaled, undoable. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Apply one tuning profile across many instances over SSH or ECS Cloud Assistant: a preview per instance,",
            "a canary first, then batches; a failed instance is rolled back; every run is journaled and can be undone by its id.",
            "Exit 0 when every instance applied and read back, 1 when any failed (failed ones rolled back, untouched ones listed),",
            "2 for bad input."},
        subcommands = {FleetCommand.ApplyCmd.class, FleetCommand.StatusCmd.class, FleetCommand.UndoCmd.class,
            FleetCommand.DriftCmd.class, FleetCommand.MonitorCmd.class})
final class FleetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exactly one way of naming the targets. */
    static final class Targets {
        @Option(names = "--hosts", paramLabel = "H1,H2,...", description = "Hosts in order (saved, ssh-config aliases, user@host[:port], sandbox); the first is the canary.")
        String hosts;

        @Option(names = "--instances", paramLabel = "i-1,i-2,...", description = "ECS instance ids in order; the first is the canary.")
        String instances;

        @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Every instance of the region with this tag (DescribeInstances; the sandbox's fleet instances carry fleet=demo).")
        String tag;
    }

    /** The cloud account, as the {@code cloud} commands choose it; here {@code --profile} is the tuning profile, so the account is {@code --account}. */
    static final class Account extends CloudRegionOptions {
        @Option(names = "--account", paramLabel = "NAME", description = "Profile of ~/.aliyun/config.json (else the environment's key, the current profile, the ECS RAM role).")
        String account;

        FleetService.CloudAccess access() {
            return new FleetService.CloudAccess(present(account), region(), endpoint());
        }
    }

    /** The options of every command that names targets. */
    static final class Reach {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Targets targets = new Targets();

        @Option(names = "--via", paramLabel = "ssh|cloud-assistant", description = "How instances are reached (default: cloud-assistant for"
                + " --instances and --tag, ssh for --hosts).")
        String via;

        @Option(names = {"--ssh-user", "--user"}, paramLabel = "USER", description = "SSH login for instances reached over ssh (default root).")
        String user;

        @Option(names = "--address", paramLabel = "private|eip", description = "Which address of an instance --via ssh dials:"
                + " private (its first private IP; default) or eip (the EIP bound to it or to one of its ENIs).")
        String address;

        @Option(names = "--bastion", paramLabel = "HOST", description = "Reach instances over ssh through this bastion: a saved host,"
                + " an alias of ~/.ssh/config or user@host[:port] (several: comma-separated, first hop first). Default: the"
                + " ProxyJump ~/.ssh/config gives for the address, if any. Its host key and each instance's are verified.")
        String bastion;

        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();

        @ArgGroup(exclusive = false)
        Account account = new Account();

        boolean named() {
            return targets != null && (targets.hosts != null || targets.instances != null || targets.tag != null);
        }

        List<FleetInstance> resolve(FleetService fleet) throws Exception {
            if (!named()) {
                throw new CliInputException("Name the targets: --hosts H1,H2,..., --instances i-1,i-2,... or --tag KEY=VALUE.");
            }
            HostOptions options = connection.toHostOptions();
            if (targets.hosts != null) {
                if (via != null && Transport.parse(via) != Transport.SSH) {
                    throw new FleetInputException("--hosts are reached over ssh; --via cloud-assistant needs --instances or --tag.");
                }
                if (address != null || bastion != null || user != null) {
                    throw new FleetInputException("--address, --bastion and --ssh-user are for --instances and --tag over ssh;"
                            + " a host in --hosts says its own login and bastion (user@host:port, a saved host or an alias of"
                            + " ~/.ssh/config with ProxyJump).");
                }
                return fleet.hosts(FleetTarget.parseList(targets.hosts, FleetTarget.Kind.HOST), options);
            }
            Transport t = via == null ? Transport.CLOUD_ASSISTANT : Transport.parse(via);
            FleetService.SshReach ssh = new FleetService.SshReach(
                    address == null ? InstanceAddress.PRIVATE : InstanceAddress.parse(address), Optional.ofNullable(user),
                    Optional.ofNullable(bastion));
            FleetService.InstanceQuery q = targets.instances != null
                    ? new FleetService.InstanceQuery.Ids(FleetTarget.parseList(targets.instances, FleetTarget.Kind.INSTANCE))
                    : FleetService.InstanceQuery.Tag.parse(targets.tag);
            return fleet.instances(account.access(), q, t, options, ssh);
        }
    }

    static Map<String, Object> json(FleetRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run.id());
        m.put("kind", run.kind());
        run.undoes().ifPresent(u -> m.put("undoes", u));
        m.put("profile", run.profile());
        m.put("status", run.status().name());
        m.put("detail", run.detail());
        m.put("policy", Map.of("canary", run.policy().canary(), "parallel", run.policy().parallel(),
                "maxFailures", run.policy().maxFailures()));
        m.put("started", run.started().toString());
        run.finished().ifPresent(f -> m.put("finished", f.toString()));
        if (run.status().resumable() && run.kind().equals("apply")) {
            m.put("resume", "nettune fleet apply --resume " + run.id());
        }
        if (run.status().resumable() && run.kind().equals("undo")) {
            m.put("resume", "nettune fleet undo " + run.id());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (FleetInstanceResult r : run.instances()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("target", r.instance().target().name());
            i.put("transport", r.instance().reach().transport().word());
            i.put("address", r.instance().reach().address());
            r.instance().reach().user().ifPresent(u -> i.put("user", u));
            r.instance().reach().keyFile().ifPresent(k -> i.put("keyFile", k));
            r.instance().reach().knownHosts().ifPresent(k -> i.put("knownHosts", k));
            r.instance().reach().bastion().ifPresent(b -> i.put("bastion", b));
            r.instance().reach().region().ifPresent(k -> i.put("region", k));
            r.instance().reach().endpoint().ifPresent(k -> i.put("endpoint", k));
            i.put("canary", r.canary());
            i.put("status", r.status().name());
            i.put("reason", r.reason());
            r.planId().ifPresent(p -> i.put("plan", p));
            list.add(i);
        }
        m.put("instances", list);
        return m;
    }

    static void report(PrintWriter out, FleetRun run) {
        out.println("Run " + run.id() + " (" + run.kind() + run.undoes().map(u -> " of " + u).orElse("") + ", profile \""
                + run.profile() + "\", " + run.policy().display() + "): " + run.status() + ". " + run.detail());
        for (FleetInstanceResult r : run.instances()) {
            out.printf(Locale.ROOT, "  %-24s %-11s %s%s%n", r.instance().target().name(), r.status(),
                    r.canary() ? "[canary] " : "", r.reason());
            if (r.instance().target().kind() == FleetTarget.Kind.INSTANCE && r.instance().reach().transport() == Transport.SSH) {
                // An instance id alone does not say where SSH went: the address, login and bastion the run keeps.
                out.println("    reached: " + r.instance().reach().display());
            }
        }
        List<String> untouched = run.instances().stream().filter(r -> r.status() == InstanceStatus.SKIPPED)
                .map(r -> r.instance().target().name()).toList();
        if (!untouched.isEmpty()) {
            out.println("Untouched: " + String.join(", ", untouched));
        }
        if (run.status() == RunStatus.UNFINISHED || run.status() == RunStatus.RUNNING) {
            out.println((run.status() == RunStatus.UNFINISHED ? "NOT FINISHED: NetTune stopped before the run ended."
                    : "Still running in a NetTune process.") + " Done: " + names(run, InstanceStatus.APPLIED,
                    InstanceStatus.ROLLED_BACK, InstanceStatus.FAILED) + ". In flight: " + names(run, InstanceStatus.IN_FLIGHT)
                    + ". Pending: " + names(run, InstanceStatus.PENDING, InstanceStatus.SKIPPED) + ".");
        }
        if (run.status().resumable() && run.kind().equals("apply")) {
            out.println("Resume it with `nettune fleet apply --resume " + run.id() + "`: done instances are left alone,"
                    + " one in flight is read again and finished or rolled back, the rest start under the same policy.");
        }
        if (run.status().resumable() && run.kind().equals("undo")) {
            out.println("Continue it with `nettune fleet undo " + run.id() + "` (or `nettune fleet undo " + run.undoes().orElse("RUN")
                    + "` again): instances already put back are skipped, the rest are undone.");
        }
        out.println(run.summary() + ".");
        out.flush();
    }

    private static String names(FleetRun run, InstanceStatus... any) {
        List<String> n = run.instances().stream().filter(r -> List.of(any).contains(r.status()))
                .map(r -> r.instance().target().name()).toList();
        return n.isEmpty() ? "none" : String.join(", ", n) + " (" + n.size() + ")";
    }

    /** Prints per-instance progress, one line per event, each line whole (instances run in parallel). */
    static FleetListener printer(PrintWriter out, boolean quiet) {
        return new FleetListener() {
            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                line(instance + ": started" + (canary ? " (canary)" : ""));
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int total, String title, Journal.Phase phase) {
                line(instance + ": " + (phase == Journal.Phase.APPLY ? "" : phase.name().toLowerCase(Locale.ROOT) + " ")
                        + "[" + seq + "/" + total + "] " + title);
            }

            @Override
            public void instanceMessage(FleetInstance instance, String text) {
                line(instance + ":   " + text);
            }

            @Override
            public void instanceFinished(FleetInstanceResult r) {
                line(r.instance() + ": " + r.status() + (r.reason().isEmpty() ? "" : " - " + r.reason()));
            }

            private void line(String s) {
                if (!quiet) {
                    synchronized (out) {
                        out.println(s);
                        out.flush();
                    }
                }
            }
        };
    }

    /** Asks on the console; without one (a script), only {@code --yes} confirms. */
    static boolean confirmed(boolean yes, String question, PrintWriter err) {
        if (yes) {
            return true;
        }
        java.io.Console console = System.console();
        if (console == null) {
            err.println("nettune: nothing was changed: " + question + " needs --yes when there is no terminal to ask on.");
            err.flush();
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /**
     * {@code nettune fleet apply --profile NAME (targets) [--via] [--parallel N] [--canary N] [--max-failures N] [--yes] [--json]},
     * or {@code nettune fleet apply --resume RUN [--yes] [--json]}.
     */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Preview the profile on every target (read in parallel, only what differs), then apply it: the canary first,",
                "then --parallel at a time; --max-failures N tolerates N failed instances and starts no new one at N + 1.",
                "A failed instance is rolled back. --resume RUN continues a run NetTune stopped in the middle of.",
                "Exit 0 all applied, 1 any failed, 2 bad input."})
    static final class ApplyCmd implements Callable<Integer> {
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
        Reach reach = new Reach();
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

        ApplyCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (resume != null) {
                return resumeRun();
            }
            if (profile == null) {
                throw new CliInputException("Give --profile NAME and the targets, or --resume RUN to continue a run.");
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
            Map<String, String> offline = fleet.cloudAssistantOffline(members);
            List<FleetInstance> reachable = members.stream().filter(m -> !offline.containsKey(m.hostName())).toList();
            List<InstancePreview> previews = fleet.preview(reachable, p, parallel, options, new Cancellation(), x -> { });
            Map<String, InstancePreview> byName = new LinkedHashMap<>();
            previews.forEach(x -> byName.put(x.instance().hostName(), x));
            PrintWriter log = json ? err : out;
            log.println("Preview of \"" + p.name() + "\" on " + members.size() + " instance" + (members.size() == 1 ? "" : "s") + ":");
            printPreview(log, members, byName, offline);
            log.flush();
            if (!offline.isEmpty()) {
                String list = offline.size() + " of " + members.size() + " instances cannot be reached through Cloud Assistant ("
                        + String.join(", ", offline.keySet()) + ")";
                if (!skipOffline || reachable.isEmpty()) {
                    err.println("nettune: nothing was changed: " + list + ". " + (reachable.isEmpty() ? "No instance is left to run on."
                            : "Bring their agents online, or give --skip-offline to run on the others (the skipped ones are"
                            + " journaled SKIPPED and the run exits 1)."));
                    err.flush();
                    return 1;
                }
                log.println("Skipping (--skip-offline): " + list + ".");
                log.flush();
            }
            if (!confirmed(yes, "Apply \"" + p.name() + "\" to " + reachable.size() + " instances (" + policy.display() + ")"
                    + (offline.isEmpty() ? "" : ", skipping " + offline.size()) + "?", err)) {
                return NetTuneCommand.EXIT_BAD_INPUT;
            }
            FleetRun run = untilCtrlC(cancel -> fleet.apply(p, members, policy, previews, offline, options, printer(log, false), cancel));
            return reported(run, out);
        }

        /**
         * One line per instance, then each distinct set of changes once with the instances it is on: fifty
         * instances built from one image differ from a profile in the same way, and fifty copies of the same
         * before/after hide the one instance that differs otherwise.
         */
        static void printPreview(PrintWriter log, List<FleetInstance> members, Map<String, InstancePreview> byName,
                                 Map<String, String> offline) {
            Map<List<String>, List<String>> groups = new LinkedHashMap<>();
            List<String> what = new ArrayList<>();
            for (FleetInstance m : members) {
                InstancePreview x = byName.get(m.hostName());
                if (x == null) {
                    what.add("NOT REACHABLE: " + offline.get(m.hostName()));
                    continue;
                }
                List<String> lines = x.plan().map(plan -> plan.steps().stream().map(st -> st.change().title() + ": "
                        + oneLine(st.before()) + " -> " + oneLine(st.after())).toList()).orElse(List.of());
                if (lines.isEmpty()) {
                    what.add(x.summary());
                    continue;
                }
                groups.computeIfAbsent(lines, k -> new ArrayList<>()).add(m.target().name());
                int letter = new ArrayList<>(groups.keySet()).indexOf(lines);
                what.add(x.changes() + (x.changes() == 1 ? " setting differs" : " settings differ") + ": changes "
                        + groupName(letter) + (x.plan().get().problems().isEmpty() ? "" : "; " + x.summary()));
            }
            for (int i = 0; i < members.size(); i++) {
                FleetInstance m = members.get(i);
                log.printf(Locale.ROOT, "  %-24s %-40s %s%n", m.target().name(), m.reach().display(), what.get(i));
            }
            int letter = 0;
            for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
                int n = g.getValue().size();
                log.println("  Changes " + groupName(letter++) + " (on " + n + " instance" + (n == 1 ? "" : "s") + "):");
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
                    throw new CliInputException("--resume continues the run with its own profile, targets and policy; " + o
                            + " cannot be given with it.");
                }
            }
            if (reach.named()) {
                throw new CliInputException("--resume continues the run on its own targets; --hosts, --instances and --tag"
                        + " cannot be given with it.");
            }
            FleetService fleet = ctx.fleet();
            fleet.confirmTimeout(java.time.Duration.ofSeconds(confirmTimeout));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter log = json ? err : out;
            FleetRun run = fleet.run(resume).orElseThrow(() -> new CliInputException(
                    "There is no fleet run " + resume + ": `nettune fleet status` lists them."));
            report(log, run);
            long left = run.instances().stream().filter(r -> !r.status().failure() && r.status() != InstanceStatus.APPLIED).count();
            if (!confirmed(yes, "Resume run " + run.id() + " on the " + left + " instance" + (left == 1 ? "" : "s")
                    + " not done yet?", err)) {
                return NetTuneCommand.EXIT_BAD_INPUT;
            }
            HostOptions options = reach.connection.toHostOptions();
            FleetRun done = untilCtrlC(cancel -> fleet.resume(resume, options, printer(log, false), cancel));
            return reported(done, out);
        }

        private int reported(FleetRun run, PrintWriter out) {
            CliOutput.print(out, json, () -> json(run), o -> report(o, run));
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
    }

    private static String oneLine(String v) {
        String s = v.replace("\n", "\u23ce ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** {@code nettune fleet status [RUN] [--json]}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List fleet runs (newest first), or show one run: each instance's status, reason and how it was reached.")
    static final class StatusCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN")
        String runId;
        @Option(names = "--json")
        boolean json;

        StatusCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (runId == null) {
                List<FleetRun> runs = ctx.fleet().runs();
                CliOutput.print(out, json, () -> runs.stream().map(FleetCommand::json).toList(), o -> {
                    if (runs.isEmpty()) {
                        o.println("No fleet runs yet: `nettune fleet apply --profile NAME --hosts ...` starts one.");
                    }
                    for (FleetRun r : runs) {
                        o.printf(Locale.ROOT, "%-28s %-6s %-10s %s  %s%n", r.id(), r.kind(), r.status(), r.started(), r.summary());
                    }
                    long unfinished = runs.stream().filter(r -> r.status() == RunStatus.UNFINISHED).count();
                    if (unfinished > 0) {
                        o.println(unfinished + (unfinished == 1 ? " run is" : " runs are") + " UNFINISHED (NetTune stopped in the"
                                + " middle): `nettune fleet status RUN` shows which instances are done, in flight and pending;"
                                + " `nettune fleet apply --resume RUN` continues one.");
                    }
                });
                return 0;
            }
            FleetRun run = ctx.fleet().run(runId).orElseThrow(() -> new CliInputException(
                    "There is no fleet run " + runId + ": `nettune fleet status` lists them."));
            CliOutput.print(out, json, () -> json(run), o -> {
                report(o, run);
                for (FleetInstanceResult r : run.instances()) {
                    o.println("  " + r.instance().target().name() + " reached by " + r.instance().reach().display()
                            + r.planId().map(p -> ", plan " + p).orElse(""));
                }
            });
            return run.succeeded() || run.status() == RunStatus.RUNNING ? 0 : 1;
        }
    }

    /** {@code nettune fleet undo RUN [--yes] [--parallel N] [--json]}. */
    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = {"Put back every change of a fleet run, each instance reached as the run reached it (nothing but the run id needed).",
                "Given an undo run NetTune stopped in the middle of, continues it: instances already put back are skipped."})
    static final class UndoCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "RUN")
        String runId;
        @Option(names = "--parallel", defaultValue = "10", paramLabel = "N")
        int parallel;
        @Option(names = "--accept-new-host-key", description = "Trust a host key never seen before (a CHANGED key is refused regardless).")
        boolean acceptNewHostKey;
        @Option(names = "--yes", description = "Undo without asking.")
        boolean yes;
        @Option(names = "--json")
        boolean json;

        UndoCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FleetRun run = ctx.fleet().run(runId).orElseThrow(() -> new CliInputException(
                    "There is no fleet run " + runId + ": `nettune fleet status` lists them."));
            String question;
            if (run.kind().equals("undo")) {
                // An undo NetTune stopped in the middle of: this continues it (the service refuses one that ended).
                question = "Continue undo run " + run.id() + " of run " + run.undoes().orElse("?") + " (instances already put back are skipped)?";
            } else {
                long changed = run.instances().stream().filter(r -> r.status() == InstanceStatus.APPLIED).count();
                question = "Undo run " + run.id() + " on " + changed + " instance" + (changed == 1 ? "" : "s") + "?";
            }
            if (run.kind().equals("undo") && !run.status().resumable() && run.status() != RunStatus.RUNNING) {
                throw new CliInputException("Undo run " + run.id() + " ended " + run.status() + ": there is nothing to continue."
                        + " `nettune fleet undo " + run.undoes().orElse("RUN") + "` tries again what it could not put back.");
            }
            if (!confirmed(yes, question, err)) {
                return NetTuneCommand.EXIT_BAD_INPUT;
            }
            HostConnectionOptions c = new HostConnectionOptions();
            c.acceptNewHostKey = acceptNewHostKey;
            new RolloutPolicy(0, parallel, 0);
            FleetRun undo = ctx.fleet().undo(runId, parallel, c.toHostOptions(), printer(json ? err : out, false), new Cancellation());
            CliOutput.print(out, json, () -> json(undo), o -> report(o, undo));
            return undo.succeeded() ? 0 : 1;
        }
    }

    /** {@code nettune fleet drift --profile NAME (targets) [--json]}: who differs from the profile. */
    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "Read every target (in parallel) and list those that differ from the profile, and how. Changes nothing."
                    + " Exit 0 when none differs, 1 when some differ or cannot be read.")
    static final class DriftCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--profile", required = true, paramLabel = "NAME")
        String profile;
        @Mixin
        Reach reach = new Reach();
        @Option(names = "--parallel", defaultValue = "10", paramLabel = "N")
        int parallel;
        @Option(names = "--json")
        boolean json;

        DriftCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            new RolloutPolicy(0, parallel, 0);
            Profile p = ctx.profiles().find(profile);
            List<FleetInstance> members = reach.resolve(ctx.fleet());
            List<InstancePreview> previews = ctx.fleet().preview(members, p, parallel, reach.connection.toHostOptions(),
                    new Cancellation(), x -> { });
            PrintWriter out = spec.commandLine().getOut();
            long differing = previews.stream().filter(InstancePreview::differs).count();
            CliOutput.print(out, json, () -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (InstancePreview x : previews) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("target", x.instance().target().name());
                    m.put("differs", x.differs());
                    m.put("summary", x.summary());
                    x.error().ifPresent(e -> m.put("error", e));
                    List<Map<String, String>> steps = new ArrayList<>();
                    x.plan().ifPresent(plan -> plan.steps().forEach(s -> steps.add(Map.of("setting", s.change().title(),
                            "now", s.before(), "profile", s.after()))));
                    m.put("differences", steps);
                    list.add(m);
                }
                return Map.of("profile", p.name(), "differing", differing, "instances", list);
            }, o -> {
                for (InstancePreview x : previews) {
                    o.printf(Locale.ROOT, "%-24s %s%n", x.instance().target().name(), x.differs() ? "DIFFERS  " + x.summary() : "ok       matches the profile");
                }
                o.println(differing + " of " + previews.size() + " differ from \"" + p.name() + "\".");
            });
            return differing == 0 ? 0 : 1;
        }
    }

    /** {@code nettune fleet monitor (targets) --nic NIC}: per instance, per queue share, imbalance, drops and a verdict, every second. */
    @Command(name = "monitor", mixinStandardHelpOptions = true,
            description = "Watch a NIC on every target: health, total rx packets/s, busiest/mean, drops/s, the verdict and the"
                    + " per-queue rx share per instance, every second (over SSH and built-in hosts a live sampler; over Cloud"
                    + " Assistant, which returns output only when a script ends, one snapshot per instance every --poll seconds).")
    static final class MonitorCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Reach reach = new Reach();
        @Option(names = "--nic", required = true, paramLabel = "NIC")
        String nic;
        @Option(names = "--duration", paramLabel = "S", description = "Stop after this many seconds (default: until Ctrl-C).")
        Integer duration;
        @Option(names = "--poll", defaultValue = "5", paramLabel = "S", description = "Seconds between snapshots over Cloud Assistant (2-300, default ${DEFAULT-VALUE}).")
        int poll;
        @Option(names = "--json", description = "Each refresh as one JSON line (JSON Lines): every instance's health, rx pkt/s, busiest/mean,"
                + " drops/s, per-queue shares and verdict.")
        boolean json;

        MonitorCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            SamplerScript.checkNic(nic);
            if (duration != null && duration < 1) {
                throw new CliInputException("--duration " + duration + " is not allowed: give at least 1 second.");
            }
            if (poll < 2 || poll > 300) {
                throw new CliInputException("--poll " + poll + " is not allowed: give 2 to 300 seconds.");
            }
            List<FleetInstance> members = reach.resolve(ctx.fleet());
            PrintWriter out = spec.commandLine().getOut();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "fleet-monitor");
                t.setDaemon(true);
                return t;
            });
            FleetMonitor model = new FleetMonitor(60, FleetMonitor.Thresholds.defaults());
            try (FleetMonitorService service = new FleetMonitorService(ctx.fleet(), model, scheduler, System::currentTimeMillis)) {
                service.start(members, nic, reach.connection.toHostOptions(), java.time.Duration.ofSeconds(poll));
                long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
                boolean terminal = System.console() != null;
                while (System.nanoTime() < end) {
                    Thread.sleep(1000);
                    table(out, members.size(), model.rows(System.currentTimeMillis(), FleetMonitor.SortKey.INSTANCE, false),
                            service.problems(), terminal);
                }
            } finally {
                scheduler.shutdownNow();
            }
            return 0;
        }

        private void table(PrintWriter out, int watched, List<FleetMonitor.Row> rows, Map<String, String> problems, boolean terminal) {
            if (json) {
                out.println(CliJson.write(document(rows, problems)));
                out.flush();
                return;
            }
            if (terminal) {
                out.print("\033[H\033[2J");
            }
            out.printf(Locale.ROOT, "%s  %s on %d instances%n", java.time.Instant.now(), nic, watched);
            out.printf(Locale.ROOT, "%-24s %-9s %12s %10s %10s  %-24s %s%n", "instance", "health", "rx pkt/s", "busy/mean", "drops/s",
                    "rx share per queue (%)", "verdict");
            for (FleetMonitor.Row r : rows) {
                String problem = problems.get(r.instance());
                if (r.lastSampleMillis() <= 0 && problem != null) {
                    out.printf(Locale.ROOT, "%-24s %s%n", r.instance(), problem);
                    continue;
                }
                StringBuilder shares = new StringBuilder();
                for (int q = 0; q < r.shares().length; q++) {
                    float share = r.shares()[q];
                    shares.append(q == 0 ? "" : " ").append(Float.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f", share * 100));
                }
                out.printf(Locale.ROOT, "%-24s %-9s %12s %10s %10s  %-24s %s%n", r.instance(), r.health(), number(r.pps(), "%.0f"),
                        number(r.maxOverMean(), "%.2f"), number(r.dropsPerSecond(), "%.0f"), shares, r.verdict());
            }
            out.println();
            out.flush();
        }

        private static String number(double v, String format) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
        }

        /** One refresh as JSON; a number not known yet (no second sample, no counter) is left out, not written as NaN. */
        private Map<String, Object> document(List<FleetMonitor.Row> rows, Map<String, String> problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", java.time.Instant.now().toString());
            m.put("nic", nic);
            List<Map<String, Object>> list = new ArrayList<>();
            for (FleetMonitor.Row r : rows) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("instance", r.instance());
                i.put("health", r.health().name());
                putKnown(i, "rxPps", r.pps());
                putKnown(i, "busiestOverMean", r.maxOverMean());
                putKnown(i, "dropsPerSecond", r.dropsPerSecond());
                List<Object> shares = new ArrayList<>();
                for (float share : r.shares()) {
                    shares.add(Float.isNaN(share) ? null : (double) share);
                }
                i.put("shares", shares);
                i.put("verdict", r.verdict());
                String problem = problems.get(r.instance());
                if (problem != null) {
                    i.put("problem", problem);
                }
                list.add(i);
            }
            m.put("instances", list);
            return m;
        }

        private static void putKnown(Map<String, Object> m, String key, double v) {
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                m.put(key, v);
            }
        }
    }
}
