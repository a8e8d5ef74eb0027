package dev.nettune.ui.shell;

import dev.nettune.ui.balance.BalanceView;
import dev.nettune.ui.calculator.CalculatorView;
import dev.nettune.ui.cloud.CloudScreen;
import dev.nettune.ui.hosts.HostsView;
import dev.nettune.ui.fleet.FleetView;
import dev.nettune.ui.journal.JournalView;
import dev.nettune.ui.monitor.MonitorView;
import dev.nettune.ui.profiles.ProfileEditorView;
import dev.nettune.ui.welcome.WelcomeView;
import dev.nettune.ui.tuning.TuningView;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ScreenId;
import java.util.List;

/**
 * The screens of the main window, in rail order, titled in the language in use ({@code screen.<id>} keys). To add one: a {@link ScreenId} constant, a view
 * class implementing {@code ScreenView} (its {@code close()} stops background work on exit), and an
 * entry here.
 */
public final class Screens {
    private Screens() {
    }

    public static List<ScreenFactory> all() {
        return List.of(
                new ScreenFactory(ScreenId.WELCOME, Messages.get("screen.welcome"), "\u2302", ctx -> WelcomeView.load(ctx)),
                new ScreenFactory(ScreenId.CALCULATOR, Messages.get("screen.calculator"), "\u229E", ctx -> CalculatorView.load(ctx)),
                new ScreenFactory(ScreenId.HOSTS, Messages.get("screen.hosts"), "\u2630", ctx -> HostsView.load(ctx)),
                new ScreenFactory(ScreenId.MONITOR, Messages.get("screen.monitor"), "\u223F", ctx -> MonitorView.load(ctx)),
                new ScreenFactory(ScreenId.BALANCE, Messages.get("screen.balance"), "\u2696", ctx -> BalanceView.load(ctx)),
                new ScreenFactory(ScreenId.CLOUD, Messages.get("screen.cloud"), "\u2601", ctx -> CloudScreen.load(ctx)),
                new ScreenFactory(ScreenId.TUNING, Messages.get("screen.tuning"), "\u2699", ctx -> TuningView.load(ctx)),
                new ScreenFactory(ScreenId.PROFILES, Messages.get("screen.profiles"), "\u270E", ctx -> ProfileEditorView.load(ctx)),
                new ScreenFactory(ScreenId.FLEET, Messages.get("screen.fleet"), "\u2637", ctx -> FleetView.load(ctx)),
                new ScreenFactory(ScreenId.JOURNAL, Messages.get("screen.journal"), "\u2261", ctx -> JournalView.load(ctx)));
    }
}
