package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudConnection;
import dev.nettune.cloud.AliyunCliScript;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanRunner;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.cloud.TerraformExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune cloud plan ...}: the journaled plans: list, show, export, resume, undo. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Journaled cloud plans: list, show, export, resume, undo.",
        subcommands = {CloudPlanCommand.ListPlans.class, CloudPlanCommand.Show.class, CloudPlanCommand.Export.class, CloudPlanCommand.Resume.class,
            CloudPlanCommand.Undo.class})
final class CloudPlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CloudJournal.JournaledPlan load(AppContext context, String id) {
        if (id == null || id.isBlank() || id.equals("last")) {
            return context.cloudJournal().recent(1).stream().findFirst()
                    .orElseThrow(() -> new CloudInputException(dev.nettune.Phrase.of("cloud.cli.noPlanYet",
                            "The journal holds no cloud plan yet; make one, e.g. with --dry-run.")));
        }
        return context.cloudJournal().load(id.strip())
                .orElseThrow(() -> new CloudInputException(dev.nettune.Phrase.of("cloud.cli.noPlan",
                        "There is no plan {0} in the journal; see `nettune cloud plan list`.", id)));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest plans and how far each got.")
    static final class ListPlans implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json")
        boolean json;
        @Option(names = "--limit", paramLabel = "N")
        int limit = 20;

        ListPlans(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CloudJournal.JournaledPlan p : context.cloudJournal().recent(Math.max(1, limit))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("planId", p.planId());
                m.put("created", p.created().toString());
                m.put("title", p.title());
                m.put("shownTitle", p.titlePhrase().in(CliText.locale()));
                m.put("states", p.steps().stream().map(s -> s.state().name()).toList());
                rows.add(m);
            }
            if (json) {
                rows.forEach(r -> r.remove("shownTitle"));
                out.println(CliJson.write(rows));
            } else {
                for (Map<String, Object> r : rows) {
                    out.println(r.get("planId") + "  " + r.get("created") + "  " + r.get("shownTitle") + "  " + r.get("states"));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A journaled plan, step by step, with states, outputs and errors.")
    static final class Show implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN_ID", description = "Default: the newest plan.")
        String id;

        Show(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CloudJournal.JournaledPlan jp = load(context, id);
            PrintWriter out = spec.commandLine().getOut();
            CloudCommand.printPlan(jp.toPlan(), out);
            for (CloudJournal.JournaledStep s : jp.steps()) {
                // The output's words (attached, deleted ...) in the CLI's language, ids and values as journaled; the API's error as it came.
                out.println(CliText.format("cloud.plan.step", String.valueOf(s.index() + 1), CliText.get("cloud.stepState." + s.state().name()))
                        + (s.output().isEmpty() ? "" : CliText.format("cloud.plan.stepOutput", CloudAction.journaledWord(s.output()).in(CliText.locale())))
                        + (s.error().isEmpty() ? "" : CliText.format("cloud.plan.stepError", s.error())));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a plan as an aliyun CLI script or as Terraform (alicloud provider); says what Terraform cannot express.")
    static final class Export implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN_ID", description = "Default: the newest plan.")
        String id;
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "aliyun-cli or terraform.")
        String format;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        Export(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            String f = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!f.equals("aliyun-cli") && !f.equals("terraform")) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.cli.notExportFormat",
                        "'{0}' is not an export format: use aliyun-cli or terraform.", format));
            }
            CloudPlan plan = load(context, id).toPlan();
            String text;
            List<dev.nettune.Phrase> missing = List.of();
            if (f.equals("aliyun-cli")) {
                text = AliyunCliScript.script(plan);
            } else {
                TerraformExport.Result tf = TerraformExport.render(plan);
                text = tf.hcl();
                missing = tf.notExpressiblePhrases();
            }
            if (output != null) {
                Files.writeString(output, text);
                spec.commandLine().getOut().println(CliText.format("cloud.plan.wrote", String.valueOf(output)));
            } else {
                spec.commandLine().getOut().print(text);
            }
            for (dev.nettune.Phrase m : missing) {
                spec.commandLine().getErr().println(CliText.format("cloud.plan.cannotExpress", m.in(CliText.locale())));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Run a journaled plan from its first step that is not done.")
    static final class Resume implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "PLAN_ID")
        String id;

        Resume(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CloudJournal.JournaledPlan jp = load(context, id);
            return runJournaled(context, options, jp, false, spec);
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Undo the steps of a journaled plan that took effect, newest first (detach, delete, revoke, unassociate, old timeouts).")
    static final class Undo implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "PLAN_ID")
        String id;

        Undo(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return runJournaled(context, options, load(context, id), true, spec);
        }
    }

    static int runJournaled(AppContext context, CloudOptions options, CloudJournal.JournaledPlan jp, boolean undo, CommandLine.Model.CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CloudPlan plan = jp.toPlan();
        if (options.region == null && !plan.steps().isEmpty()) {
            options.region = plan.steps().get(0).region().value();
        }
        if (options.dryRun) {
            CloudCommand.printPlan(plan, out);
            out.println(CliText.get("cloud.plan.dryRunNothingSent"));
            return 0;
        }
        try (CloudConnection c = CloudCommand.connect(context, options)) {
            CloudPlanRunner runner = new CloudPlanRunner(c.api(), context.cloudJournal(), ResourceWaiter.standard());
            CloudPlanRunner.Confirmation confirm = CloudCommand.confirmation(options, out, err);
            CloudPlanRunner.PlanRun run = undo ? runner.undo(jp.planId(), m -> out.println("  .. " + m.in(CliText.locale())), confirm)
                    : runner.resume(jp.planId(), m -> out.println("  .. " + m.in(CliText.locale())), confirm);
            return CloudCommand.report(run, options, plan, out, err);
        }
    }
}
