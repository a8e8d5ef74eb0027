package dev.nettune.ui.shell;

import dev.nettune.ui.balance.BalanceView;
import dev.nettune.ui.calculator.CalculatorView;
import dev.nettune.ui.cloud.CloudScreen;
import dev.nettune.ui.hosts.HostsView;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.monitor.MonitorView;
import dev.nettune.ui.profiles.ProfileEditorView;
import dev.nettune.ui.welcome.WelcomeView;
import dev.nettune.ui.tuning.TuningView;
import dev.nettune.ui.common.ScreenId;
import java.util.List;

/**
 * The screens of the main window, in rail order. To add one: a {@link ScreenId} constant, a view
 * class implementing {@code ScreenView} (its {@code close()} stops background work on exit), and an
 * entry here.
 */
public final class Screens {
    private Screens() {
    }

    public static List<ScreenFactory> all() {
        return List.of(
                new ScreenFactory(ScreenId.WELCOME, "Welcome", "\u2302", ctx -> WelcomeView.load(ctx)),
                new ScreenFactory(ScreenId.CALCULATOR, "Calculator", "\u229E", ctx -> CalculatorView.load(ctx)),
                new ScreenFactory(ScreenId.HOSTS, "Hosts", "\u2630", ctx -> HostsView.load(ctx)),
                new ScreenFactory(ScreenId.MONITOR, "Monitor", "\u223F", ctx -> MonitorView.load(ctx)),
                new ScreenFactory(ScreenId.BALANCE, "Balance", "\u2696", ctx -> BalanceView.load(ctx)),
                new ScreenFactory(ScreenId.CLOUD, "Cloud", "\u2601", ctx -> CloudScreen.load(ctx)),
                new ScreenFactory(ScreenId.TUNING, "Tuning", "\u2699", ctx -> TuningView.load(ctx)),
                new ScreenFactory(ScreenId.PROFILES, "Profiles", "\u270E", ctx -> ProfileEditorView.load(ctx)),
                new ScreenFactory(ScreenId.JOURNAL, "Journal", "\u2261", ctx -> JournalView.load(ctx)));
    }
}
