package dev.nettune;

import dev.nettune.cli.NetTuneCommand;
import dev.nettune.ui.NetTuneApp;

/**
 * The entry point of {@code nettune.jar}: no arguments opens the GUI, anything else is a CLI command.
 * It is not the JavaFX Application itself, so the jar starts from the classpath without modules.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            NetTuneApp.launchApp(args);
            return;
        }
        System.exit(NetTuneCommand.execute(args));
    }
}
