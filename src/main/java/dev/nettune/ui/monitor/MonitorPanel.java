package dev.nettune.ui.monitor;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostResolver;
import dev.nettune.monitor.Recordings;
import dev.nettune.ui.common.TaskRunner;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * One tab below the Monitor's live charts (Verify, DPDK, Recordings, ...). A panel works on the shared
 * {@link MonitorTarget} (host and NIC) and runs its work on the context's {@link TaskRunner}.
 *
 * <p><b>To add a tab</b> (the Balance advisor, a new Verify): write {@code XxxPanel.fxml}, a controller and
 * a view model in this package (a Monitor tab is part of the Monitor screen; screen packages do not use
 * each other), give the FXML a {@code View} entry, and add
 * one {@link Factory} to {@link MonitorPanels#all()} in the order the tabs should appear. To replace a
 * tab, replace its factory there. Nothing else in the Monitor changes.
 */
public interface MonitorPanel extends AutoCloseable {
    /** The tab's title. */
    String title();

    /** The tab's id, the same in every language ({@code monitor-tab-<id>} in CSS and tests). */
    default String id() {
        return title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** The tab's content. */
    Parent root();

    /** Stops the panel's background work (on exit); safe more than once. */
    @Override
    default void close() {
    }

    /** Builds a panel for the Monitor screen. */
    @FunctionalInterface
    interface Factory {
        MonitorPanel create(Context context);
    }

    /**
     * What a panel gets: the application, the runner, the shared host and NIC, the live session's view
     * model (to show a frame or read the current table) and where status messages go.
     */
    record Context(AppContext app, HostResolver hosts, TaskRunner tasks, MonitorTarget target, MonitorViewModel live,
            Supplier<Optional<Recordings>> recordings) {
    }

    /** A panel made of a root node and a closer; its id follows its title. */
    static MonitorPanel of(String title, Parent root, Runnable close) {
        return of(title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, root, close);
    }

    /** A panel with an id that stays the same when its title is translated. */
    static MonitorPanel of(String id, String title, Parent root, Runnable close) {
        return new MonitorPanel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Parent root() {
                return root;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
