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

    /**
     * The areas a command line needs: only the one its first word names ({@code rss} in {@code nettune rss hash ...}),
     * else all of them (root help, {@code help}, a misspelt area, an option first). picocli reads every option of
     * every command it is given by reflection, which was a third of a short command's run; one area's tree is a
     * fraction of that.
     */
    static List<Class<?>> forArguments(String... args) {
        Class<?> area = args.length == 0 || args[0] == null ? null : switch (args[0]) {
            case "rss" -> RssCommand.class;
            case "host" -> HostCommand.class;
            case "tune" -> TuneCommand.class;
            case "journal" -> JournalCommand.class;
            case "cloud-sandbox" -> CloudSandboxCommand.class;
            case "cloud" -> CloudCommand.class;
            case "monitor" -> MonitorCommand.class;
            case "verify" -> VerifyCommand.class;
            case "dpdk" -> DpdkCommand.class;
            case "recording" -> RecordingCommand.class;
            case "fleet" -> FleetCommand.class;
            default -> null;
        };
        return area == null ? all() : List.of(area);
    }

    /**
     * The commands an area lists in code instead of its annotation (rss), for these arguments: only the one named
     * second when the area is named first ({@code hash} in {@code rss hash ...}), else all of them.
     */
    static List<Class<?>> childrenOf(Class<?> area, String... args) {
        if (area != RssCommand.class) {
            return List.of();
        }
        return args.length >= 2 && "rss".equals(args[0]) ? RssCommand.commandsFor(args[1]) : RssCommand.COMMANDS;
    }
}
