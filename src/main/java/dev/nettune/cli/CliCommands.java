package dev.nettune.cli;

import java.util.List;

/** The area commands under {@code nettune}; each area adds its own class here. */
final class CliCommands {
    private CliCommands() {
    }

    static List<Class<?>> all() {
        return List.of(RssCommand.class, HostCommand.class, TuneCommand.class, JournalCommand.class, CloudSandboxCommand.class,
                CloudCommand.class, MonitorCommand.class, VerifyCommand.class, DpdkCommand.class, RecordingCommand.class,
                FleetCommand.class);
    }
}
