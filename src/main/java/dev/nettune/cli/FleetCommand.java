package dev.nettune.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nettune fleet apply|status|undo|drift|monitor}: one profile across many instances, rolling, journaled, undoable. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Apply one tuning profile across many instances over SSH or ECS Cloud Assistant: a preview per instance,",
            "a canary first, then batches; a failed instance is rolled back; every run is journaled and can be undone by its id.",
            "Exit 0 when every instance applied and read back, 1 when any failed (failed ones rolled back, untouched ones listed),",
            "2 for bad input."},
        subcommands = {FleetApplyCommand.class, FleetStatusCommand.class, FleetUndoCommand.class,
            FleetDriftCommand.class, FleetMonitorCommand.class})
final class FleetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
