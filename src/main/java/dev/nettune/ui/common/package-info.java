/**
 * The UI kit every screen shares; screen packages use each other only through it.
 *
 * <ul>
 *   <li><b>Views</b>: {@link dev.nettune.ui.common.View} names every FXML view and loads it with its
 *       controllers; {@link dev.nettune.ui.common.ScreenId} names the rail's screens;
 *       {@link dev.nettune.ui.common.ScreenView} is what a screen's {@code XxxView.load(...)} returns
 *       (root node + {@code close()}, which the main window calls on exit).</li>
 *   <li><b>Background work</b>: {@link dev.nettune.ui.common.TaskRunner} is the only way to leave the FX
 *       thread ({@code submit}, {@code every}, {@code newWork()} for one job at a time with progress and
 *       Cancel, bound to buttons with {@link dev.nettune.ui.common.WorkControls}). No SQLite, SSH, file or
 *       cloud call runs on the FX thread; no screen creates its own executor. Tests use
 *       {@code TestTasks.sameThread()} and {@code SteppableScheduler} (in src/test), never sleeps.</li>
 *   <li><b>Property style in view models</b>: a {@code private final} property per value, exposed as
 *       {@code xxxProperty()}; state the view must not write is a {@code ReadOnlyXxxWrapper} exposed as
 *       {@code ReadOnlyXxxProperty}; lists are {@code ObservableList} accessors; no public fields. View
 *       models change properties only on the runner's UI executor.</li>
 *   <li><b>Widgets</b>: {@link dev.nettune.ui.common.BucketGrid} (indirection table),
 *       {@link dev.nettune.ui.common.QueuePalette} (one colour per queue everywhere),
 *       {@link dev.nettune.ui.common.Columns} (read-only columns, ID/MAC columns sized to content).</li>
 * </ul>
 */
package dev.nettune.ui.common;
