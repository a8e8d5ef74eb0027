package dev.nettune.ui.shell;

import dev.nettune.ui.calculator.CalculatorView;
import dev.nettune.ui.cloud.CloudScreen;
import dev.nettune.ui.hosts.HostsView;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.monitor.MonitorView;
import dev.nettune.ui.tuning.TuningView;
import java.util.List;

/** The screens of the main window, in rail order; each area adds its screen here. */
public final class Screens {
    private Screens() {
    }

    public static List<ScreenFactory> all() {
        return List.of(
                new ScreenFactory("welcome", "Welcome", "\u2302", ctx -> new WelcomeView().root()),
                new ScreenFactory("calculator", "Calculator", "\u229E", ctx -> CalculatorView.load(ctx).root()),
                new ScreenFactory("hosts", "Hosts", "\u2630", ctx -> HostsView.load(ctx).root()),
                new ScreenFactory("monitor", "Monitor", "\u223F", ctx -> MonitorView.load(ctx).root()),
                new ScreenFactory("cloud", "Cloud", "\u2601", ctx -> CloudScreen.load(ctx).root()),
                new ScreenFactory("tuning", "Tuning", "\u2699", ctx -> TuningView.load(ctx).root()),
                new ScreenFactory("journal", "Journal", "\u2261", ctx -> JournalView.load(ctx).root()));
    }
}
