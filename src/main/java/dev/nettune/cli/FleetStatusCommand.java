package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.RunStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune fleet status [RUN] [--json]}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List fleet runs (newest first), or show one run: each instance's status, reason and how it was reached.")
final class FleetStatusCommand implements Callable<Integer> {
    private final AppContext ctx;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN")
    String runId;
    @Option(names = "--json")
    boolean json;

    FleetStatusCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (runId == null) {
            List<FleetRun> runs = ctx.fleet().runs();
            CliOutput.print(out, json, () -> runs.stream().map(FleetOutput::json).toList(), o -> {
                if (runs.isEmpty()) {
                    o.println(CliText.get("fleet.status.none"));
                }
                for (FleetRun r : runs) {
                    o.printf(Locale.ROOT, "%-28s %-6s %-10s %s  %s%n", r.id(), r.kind(), r.status(), r.started(), r.summaryPhrase().in(CliText.locale()));
                }
                long unfinished = runs.stream().filter(r -> r.status() == RunStatus.UNFINISHED).count();
                if (unfinished > 0) {
                    o.println(CliText.format("fleet.status.unfinished", unfinished));
                }
            });
            return 0;
        }
        FleetRun run = ctx.fleet().run(runId).orElseThrow(() -> new CliInputException(CliText.format("fleet.run.none", runId)));
        CliOutput.print(out, json, () -> FleetOutput.json(run), o -> {
            FleetOutput.report(o, run);
            for (FleetInstanceResult r : run.instances()) {
                String reached = FleetOutput.reach(r.instance().reach());
                o.println("  " + r.planId().map(p -> CliText.format("fleet.status.reachedPlan", r.instance().target().name(), reached, p))
                        .orElseGet(() -> CliText.format("fleet.status.reached", r.instance().target().name(), reached)));
            }
        });
        return run.succeeded() || run.status() == RunStatus.RUNNING ? 0 : 1;
    }
}
