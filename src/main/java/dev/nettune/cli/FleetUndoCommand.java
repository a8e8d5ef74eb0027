package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.tuning.Cancellation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune fleet undo RUN [--yes] [--parallel N] [--json]}. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Put back every change of a fleet run, each instance reached as the run reached it (nothing but the run id needed).",
            "Given an undo run NetTune stopped in the middle of, continues it: instances already put back are skipped."})
final class FleetUndoCommand implements Callable<Integer> {
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

    FleetUndoCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FleetRun run = ctx.fleet().run(runId).orElseThrow(() -> new CliInputException(CliText.format("fleet.run.none", runId)));
        String question;
        if (run.kind().equals("undo")) {
            // An undo NetTune stopped in the middle of: this continues it (the service refuses one that ended).
            question = CliText.format("fleet.undo.questionContinue", run.id(), run.undoes().orElse("?"));
        } else {
            long changed = run.instances().stream().filter(r -> r.status() == InstanceStatus.APPLIED).count();
            question = changed == 1 ? CliText.format("fleet.undo.questionOne", run.id())
                    : CliText.format("fleet.undo.question", run.id(), String.valueOf(changed));
        }
        if (run.kind().equals("undo") && !run.status().resumable() && run.status() != RunStatus.RUNNING) {
            throw new CliInputException(CliText.format("fleet.undo.ended", run.id(), run.status().name(), run.undoes().orElse("RUN")));
        }
        if (!FleetOutput.confirmed(yes, question, err)) {
            return NetTuneCommand.EXIT_BAD_INPUT;
        }
        HostConnectionOptions c = new HostConnectionOptions();
        c.acceptNewHostKey = acceptNewHostKey;
        new RolloutPolicy(0, parallel, 0);
        FleetRun undo = ctx.fleet().undo(runId, parallel, c.toHostOptions(), FleetOutput.printer(json ? err : out, false), new Cancellation());
        CliOutput.print(out, json, () -> FleetOutput.json(undo), o -> FleetOutput.report(o, undo));
        return undo.succeeded() ? 0 : 1;
    }
}
