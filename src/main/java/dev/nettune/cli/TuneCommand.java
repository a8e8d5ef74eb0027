package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileFormat;
import dev.nettune.tuning.ProfileLibrary;
import dev.nettune.tuning.ProfileLimits;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.tuning.Step;
import dev.nettune.tuning.Undo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune tune plan|apply|undo|finish HOST ...}: profiles previewed, applied with journal and rollback, undone. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tune a host's kernel and NIC from a profile: plan (preview), apply (journaled, verified,"
                + " rolled back on failure), undo.",
        subcommands = {TuneCommand.PlanCmd.class, TuneCommand.ApplyCmd.class, TuneCommand.UndoCmd.class,
            TuneCommand.FinishCmd.class, TuneCommand.ProfilesCmd.class})
public final class TuneCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Host open(AppContext ctx, String host, HostConnectionOptions connection) throws HostException {
        return connection.open(ctx, host);
    }

    static ApplyOptions options(AppContext ctx, String host, HostConnectionOptions connection, int confirmSeconds) {
        // A fresh connection (confirm, reconnect) never asks about a host key: it was settled by the first one.
        return ApplyOptions.defaults(() -> ctx.hostResolver().resolve(host, connection.toHostOptions()
                        .withHostKeyDecision(dev.nettune.host.HostKeyDecision.refuse())))
                .withConfirmTimeout(Duration.ofSeconds(confirmSeconds));
    }

    /** The planner for a user's profile: one marked unrestricted is planned only when they passed the flag. */
    static Planner planner(boolean allowUnrestricted) {
        return allowUnrestricted ? Planner.allowingUnrestricted() : new Planner();
    }

    /** Prints the plan; one that cannot be applied also says why on stderr (the exit code alone says nothing). */
    static int preview(CommandLine.Model.CommandSpec spec, Plan plan) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(PlanPreview.text(plan, CliText.locale()));
        out.flush();
        if (!plan.applicable()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(CliText.format("tune.notApplicable",
                    plan.problemPhrases().stream().map(p -> p.in(CliText.locale())).collect(java.util.stream.Collectors.joining(" "))));
            err.flush();
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        return 0;
    }

    /** Prints each step as it starts and ends, and the countdown of an armed revert. */
    static ApplyListener printer(PrintWriter out) {
        return new ApplyListener() {
            @Override
            public void stepStarted(Step step, int total, Journal.Phase phase) {
                out.println((phase == Journal.Phase.APPLY ? "" : CliText.get("tune.phase." + phase.name().toLowerCase(java.util.Locale.ROOT))
                        + " ") + "[" + step.seq() + "/" + total + "] " + step.change().titlePhrase().in(CliText.locale()) + " ...");
                out.flush();
            }

            @Override
            public void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, dev.nettune.Phrase message) {
                String said = message.in(CliText.locale());
                out.println("    " + outcome.phrase().in(CliText.locale()) + (said.isEmpty() ? "" : CliText.get("tune.colon") + said));
                out.flush();
            }

            @Override
            public void countdown(Step step, Duration remaining) {
                if (remaining.toSeconds() % 10 == 0) {
                    out.println(CliText.format("tune.countdown", String.valueOf(remaining.toSeconds())));
                    out.flush();
                }
            }

            @Override
            public void message(String text) {
                out.println("  " + text);
                out.flush();
            }

            @Override
            public void message(dev.nettune.Phrase text) {
                message(text.in(CliText.locale()));
            }
        };
    }

    /** How a run ended, e.g. "APPLIED: Applied 5 steps; ...", in the CLI's language. */
    static String outcome(ApplyResult r) {
        return r.status().phrase().in(CliText.locale()) + CliText.get("tune.colon") + r.messagePhrase().in(CliText.locale());
    }

    static int exitCode(ApplyResult r) {
        return r.applied() ? 0 : 1;
    }

    /** {@code nettune tune plan HOST --profile P [--json]}. */
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Show what applying a profile would change: before/after, exact commands, full files. Changes nothing.")
    static final class PlanCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "HOST", description = "sandbox, local, a saved host, an ssh alias or user@host[:port]")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();
        @Option(names = "--profile", required = true, paramLabel = "FILE|NAME",
                description = "a profile file, a saved profile or a built-in one (\"ECS high throughput\")")
        String profile;
        @Option(names = "--json", description = "print the plan as JSON")
        boolean json;
        @Option(names = ProfileLimits.FLAG, description = "plan a profile marked \"unrestricted\": true even where it goes"
                + " beyond what tuning needs (other files, commands, non-net sysctls); each such step is shown with a WARNING")
        boolean allowUnrestricted;

        PlanCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Profile p = ctx.profiles().find(profile);
            PrintWriter out = spec.commandLine().getOut();
            try (Host h = open(ctx, host, connection)) {
                Plan plan = planner(allowUnrestricted).plan(h, p);
                if (json) {
                    out.println(CliJson.write(PlanPreview.data(plan)));
                    out.flush();
                    return plan.applicable() ? 0 : NetTuneCommand.EXIT_BAD_INPUT;
                }
                return preview(spec, plan);
            }
        }
    }

    /** {@code nettune tune apply HOST --profile P [--dry-run] [--confirm-timeout S]}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Apply a profile step by step: journaled before each step, read back after it, rolled back on"
                    + " any failure; changes to the NIC carrying the session are commit-confirmed.")
    static final class ApplyCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "HOST")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();
        @Option(names = "--profile", required = true, paramLabel = "FILE|NAME")
        String profile;
        @Option(names = "--dry-run", description = "show the plan and stop")
        boolean dryRun;
        @Option(names = ProfileLimits.FLAG, description = "apply a profile marked \"unrestricted\": true even where it goes"
                + " beyond what tuning needs (other files, commands, non-net sysctls); each such step is shown with a WARNING")
        boolean allowUnrestricted;
        @Option(names = "--confirm-timeout", paramLabel = "S", defaultValue = "60",
                description = "seconds before an armed revert fires unless a new connection confirms (10-3600, default 60)")
        int confirmTimeout;

        ApplyCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Profile p = ctx.profiles().find(profile);
            ApplyOptions options = options(ctx, host, connection, confirmTimeout);
            PrintWriter out = spec.commandLine().getOut();
            try (Host h = open(ctx, host, connection)) {
                Plan plan = planner(allowUnrestricted).plan(h, p);
                if (preview(spec, plan) != 0) {
                    return NetTuneCommand.EXIT_BAD_INPUT;
                }
                if (dryRun || plan.nothingToDo()) {
                    return 0;
                }
                out.println();
                ApplyResult r = ctx.tuningEngine().apply(h, plan, options, printer(out), new Cancellation());
                out.println(outcome(r));
                return exitCode(r);
            }
        }
    }

    /** {@code nettune tune undo HOST [--plan ID | --entry N]}. */
    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Put back what a plan (default: the newest applied on HOST) or one journal entry changed.")
    static final class UndoCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "HOST")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();
        @Option(names = "--plan", paramLabel = "ID")
        String planId;
        @Option(names = "--entry", paramLabel = "N")
        Long entry;
        @Option(names = "--confirm-timeout", paramLabel = "S", defaultValue = "60")
        int confirmTimeout;

        UndoCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (planId != null && entry != null) {
                throw new CliInputException(CliText.get("tune.planOrEntry"));
            }
            Undo undo = new Undo(ctx.tuningEngine());
            ApplyOptions options = options(ctx, host, connection, confirmTimeout);
            try (Host h = open(ctx, host, connection)) {
                ApplyResult r;
                if (entry != null) {
                    r = undo.undoEntry(h, entry, options, printer(out), new Cancellation());
                } else {
                    String id = planId != null ? planId : ctx.tuningJournal().plans(java.util.Optional.of(h.name()))
                            .stream().filter(p -> p.status() == Journal.PlanStatus.APPLIED && p.kind().equals("apply"))
                            .findFirst().map(Journal.PlanRecord::id)
                            .orElseThrow(() -> new CliInputException(CliText.format("tune.nothingToUndo", host)));
                    out.println(CliText.format("tune.undoing", String.valueOf(id), host));
                    r = undo.undoPlan(h, id, options, printer(out), new Cancellation());
                }
                out.println(outcome(r));
                return exitCode(r);
            }
        }
    }

    /** {@code nettune tune finish HOST --plan ID [--revert]}: a plan NetTune stopped in the middle of. */
    @Command(name = "finish", mixinStandardHelpOptions = true,
            description = "Finish (or with --revert, revert) a plan that NetTune stopped in the middle of.")
    static final class FinishCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "HOST")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();
        @Option(names = "--plan", required = true, paramLabel = "ID")
        String planId;
        @Option(names = "--revert", description = "put the host back instead of finishing")
        boolean revert;

        FinishCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Undo undo = new Undo(ctx.tuningEngine());
            ApplyOptions options = options(ctx, host, connection, 60);
            try (Host h = open(ctx, host, connection)) {
                ApplyResult r = revert ? undo.revertUnfinished(h, planId, options, printer(out), new Cancellation())
                        : undo.finishUnfinished(h, planId, options, printer(out), new Cancellation());
                out.println(outcome(r));
                return exitCode(r);
            }
        }
    }

    /** A built-in profile's description in the CLI's language (the name stays: it is what --profile takes); any other as written. */
    static String description(Profile p) {
        String key = switch (p.name()) {
            case Profile.ECS_HIGH_THROUGHPUT -> "tune.profiles.builtIn.ecsHighThroughput";
            case Profile.SEED_WORKFLOW -> "tune.profiles.builtIn.seedWorkflow";
            case Profile.LOW_LATENCY -> "tune.profiles.builtIn.lowLatency";
            default -> null;
        };
        return key == null || !"zh".equals(CliText.locale().getLanguage()) ? p.description() : CliText.get(key);
    }

    /** {@code nettune tune profiles [--export NAME [--to FILE] [--format json|ansible|cloud-init] | --import FILE]}. */
    @Command(name = "profiles", mixinStandardHelpOptions = true, description = "List, import or export tuning profiles"
            + " (export also as an Ansible playbook or cloud-init user-data for teams that run their own engine).")
    static final class ProfilesCmd implements Callable<Integer> {
        private final AppContext ctx;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--import", paramLabel = "FILE")
        Path importFile;
        @Option(names = "--export", paramLabel = "NAME")
        String exportName;
        @Option(names = "--to", paramLabel = "FILE", description = "where to write the export (without it, an Ansible"
                + " playbook or cloud-init user-data goes to standard output)")
        Path exportFile;
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
                description = "json (NetTune's own, for --import), ansible (a playbook: ansible.posix.sysctl, files,"
                        + " handlers, ethtool with changed_when) or cloud-init (#cloud-config user-data); default json")
        String format;

        ProfilesCmd(AppContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (importFile != null) {
                Profile p = ctx.profiles().importFile(importFile);
                out.println(CliText.format("tune.imported", p.name(), String.valueOf(ctx.profiles().directory())));
                for (dev.nettune.Phrase b : p.beyondLimitPhrases()) {
                    out.println(CliText.format("tune.profiles.warning", b.in(CliText.locale())));
                }
                if (!p.beyondLimits().isEmpty()) {
                    out.println(CliText.format("tune.profiles.unrestrictedWarning", ProfileLimits.FLAG));
                }
                return 0;
            }
            if (exportName != null) {
                ProfileFormat f;
                try {
                    f = ProfileFormat.of(format);
                } catch (TuningInputException e) {
                    throw new CliInputException(CliText.problem(e));
                }
                if (exportFile == null && f == ProfileFormat.JSON) {
                    throw new CliInputException(CliText.get("tune.profiles.exportNeedsTo"));
                }
                if (exportFile == null) {
                    out.print(f.render(ctx.profiles().find(exportName)));
                    out.flush();
                    return 0;
                }
                ctx.profiles().export(exportName, f, exportFile);
                out.println(CliText.format("tune.wrote", String.valueOf(exportFile)));
                return 0;
            }
            ProfileLibrary.Listing listing = ctx.profiles().listing();
            for (Profile p : listing.profiles()) {
                out.println(CliText.format(p.beyondLimits().isEmpty() ? "tune.profiles.line" : "tune.profiles.lineUnrestricted",
                        p.name(), description(p), String.valueOf(p.entries().size()), ProfileLimits.FLAG));
            }
            for (ProfileLibrary.Unusable u : listing.unusable()) {
                out.println(CliText.format("tune.profiles.unusable", String.valueOf(u.file()), u.whyPhrase().in(CliText.locale())));
            }
            return 0;
        }
    }
}
