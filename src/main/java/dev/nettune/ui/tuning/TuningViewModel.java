package dev.nettune.ui.tuning;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.TableSpec;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.Step;
import dev.nettune.tuning.TuningEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tuning screen's state and decisions: which host and profile, the plan as before/after rows,
 * the preview text, apply with per-step progress, the countdown of an armed revert, and the RSS
 * editor's request. Work runs on {@code worker}; results come back through {@code ui} (the FX
 * thread in the app, the calling thread in tests), so the logic needs no toolkit.
 */
public final class TuningViewModel {
    /** Opens a host by name (through app.HostResolver in the app). */
    @FunctionalInterface
    public interface HostOpener {
        Host open(String name) throws HostException;
    }

    /** One row of the before/after table. */
    public record PlanRow(int seq, String title, String before, String after, boolean commitConfirmed, String status,
                          String readBack) {
        PlanRow withStatus(String s) {
            return new PlanRow(seq, title, before, after, commitConfirmed, s, readBack);
        }

        PlanRow withReadBack(String r) {
            return new PlanRow(seq, title, before, after, commitConfirmed, status, r);
        }
    }

    private final HostOpener opener;
    private final TuningEngine engine;
    private final Executor worker;
    private final Consumer<Runnable> ui;

    public final ObservableList<String> hosts = FXCollections.observableArrayList();
    public final ObjectProperty<String> host = new SimpleObjectProperty<>();
    public final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    public final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    public final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    public final StringProperty preview = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("Pick a host and a profile, then Plan.");
    public final StringProperty countdown = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final BooleanProperty canApply = new SimpleBooleanProperty(false);
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final IntegerProperty confirmTimeout = new SimpleIntegerProperty(60);

    // The RSS editor.
    public final StringProperty rssNic = new SimpleStringProperty("eth1");
    public final StringProperty rssKey = new SimpleStringProperty("");
    public final StringProperty rssTable = new SimpleStringProperty("equal 4");
    public final IntegerProperty rssRings = new SimpleIntegerProperty(4);
    public final StringProperty rssError = new SimpleStringProperty("");
    public final ObjectProperty<IndirectionTable> rssPreview = new SimpleObjectProperty<>();

    // XPS: one CPU list per TX queue, separated by ';' (tx-0 first).
    public final StringProperty xpsCpus = new SimpleStringProperty("");
    public final StringProperty xpsError = new SimpleStringProperty("");
    /** Shown where the CPUs are typed: why the seed's `echo 0-3 > xps_cpus` fails and what NetTune writes. */
    public static final String XPS_NOTE = dev.nettune.tuning.XpsChange.SEED_NOTE;

    private volatile Plan plan;
    private volatile Cancellation cancellation;

    public TuningViewModel(HostOpener opener, TuningEngine engine, List<String> hostNames, List<Profile> profileList,
                           Executor worker, Consumer<Runnable> ui) {
        this.opener = opener;
        this.engine = engine;
        this.worker = worker;
        this.ui = ui;
        hosts.setAll(hostNames);
        profiles.setAll(profileList);
        if (!hosts.isEmpty()) {
            host.set(hosts.get(0));
        }
        if (!profiles.isEmpty()) {
            profile.set(profiles.get(0));
        }
        host.addListener((o, a, b) -> clearPlan());
        profile.addListener((o, a, b) -> clearPlan());
        rssTable.addListener((o, a, b) -> updateRssPreview());
        rssRings.addListener((o, a, b) -> updateRssPreview());
        updateRssPreview();
    }

    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    private void clearPlan() {
        plan = null;
        rows.clear();
        notes.clear();
        preview.set("");
        canApply.set(false);
    }

    /** Reads the host and computes the plan for the chosen profile. */
    public void makePlan() {
        Profile p = profile.get();
        if (p == null || host.get() == null) {
            status.set("Pick a host and a profile first.");
            return;
        }
        planFor(p);
    }

    /** The RSS editor's request as a one-off profile (key and/or table on one NIC). */
    public Optional<Profile> rssProfile() {
        List<ProfileEntry> entries = new ArrayList<>();
        try {
            if (!rssKey.get().isBlank()) {
                entries.add(new RssKeyChange(rssNic.get(), rssKey.get()));
            }
            if (!rssTable.get().isBlank()) {
                entries.add(new RssTableChange(rssNic.get(), rssTable.get()));
            }
        } catch (IllegalArgumentException e) {
            rssError.set(e.getMessage());
            return Optional.empty();
        }
        if (entries.isEmpty()) {
            rssError.set("Give a key, a table request, or both.");
            return Optional.empty();
        }
        rssError.set("");
        return Optional.of(new Profile("RSS on " + rssNic.get(), "from the RSS editor", entries));
    }

    /** The XPS lists as changes: "0-3; 4-7" is tx-0 on CPUs 0-3 and tx-1 on CPUs 4-7. */
    public Optional<Profile> xpsProfile() {
        List<ProfileEntry> entries = new ArrayList<>();
        String[] lists = xpsCpus.get() == null ? new String[0] : xpsCpus.get().split(";");
        try {
            for (int q = 0; q < lists.length; q++) {
                if (!lists[q].isBlank()) {
                    entries.add(new dev.nettune.tuning.XpsChange(rssNic.get(), q, lists[q]));
                }
            }
        } catch (IllegalArgumentException e) {
            xpsError.set(e.getMessage());
            return Optional.empty();
        }
        if (entries.isEmpty()) {
            xpsError.set("Give a CPU list per TX queue, separated by ';' (for example 0-3; 4-7), or use the spread.");
            return Optional.empty();
        }
        xpsError.set("");
        return Optional.of(new Profile("XPS on " + rssNic.get(), "from the XPS editor", entries));
    }

    /** Plans the typed XPS lists. */
    public void planXps() {
        xpsProfile().ifPresent(this::planFor);
    }

    /** Plans the usual spread: TX queue i to CPU i mod n over the host's online CPUs. */
    public void planXpsSpread() {
        try {
            planFor(new Profile("XPS spread on " + rssNic.get(), "TX queue i to CPU i mod n",
                    List.of(new dev.nettune.tuning.XpsChange.Spread(rssNic.get()))));
            xpsError.set("");
        } catch (IllegalArgumentException e) {
            xpsError.set(e.getMessage());
        }
    }

    /** Plans the RSS editor's request. */
    public void planRss() {
        rssProfile().ifPresent(this::planFor);
    }

    private void updateRssPreview() {
        try {
            TableSpec spec = TableSpec.parse(rssTable.get());
            rssPreview.set(spec.build(IndirectionTable.ENI_SIZE, OptionalInt.of(Math.max(1, rssRings.get()))));
            rssError.set("");
        } catch (RssInputException e) {
            rssPreview.set(null);
            rssError.set(e.getMessage());
        }
    }

    private void planFor(Profile p) {
        String h = host.get();
        busy.set(true);
        clearPlan();
        status.set("Reading " + h + " ...");
        worker.execute(() -> {
            try (Host open = opener.open(h)) {
                Plan made = new Planner().plan(open, p);
                ui.accept(() -> showPlan(made));
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> fail("Cannot plan on " + h + ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ui.accept(() -> fail("Cancelled."));
            }
        });
    }

    private void showPlan(Plan made) {
        plan = made;
        busy.set(false);
        rows.setAll(made.steps().stream().map(s -> new PlanRow(s.seq(), s.change().title(),
                s.change().show(s.before()), s.change().show(s.after()), s.commitConfirmed(), "planned", "")).toList());
        notes.setAll(made.problems().stream().map(x -> "Problem: " + x).toList());
        made.steps().forEach(s -> s.notes().forEach(n -> notes.add(s.change().title() + ": " + n)));
        made.notes().forEach(n -> notes.add("Skipped: " + n));
        preview.set(PlanPreview.text(made));
        canApply.set(made.applicable() && !made.nothingToDo());
        progress.set(0);
        status.set(!made.applicable() ? "This plan cannot be applied: fix the problems below."
                : made.nothingToDo() ? "Nothing to do: " + made.host() + " already has every value of \""
                + made.profile() + "\"."
                : made.steps().size() + " step" + (made.steps().size() == 1 ? "" : "s") + " to apply"
                + (made.needsCommitConfirmed() ? " (commit-confirmed: a revert is armed on the host first)." : "."));
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
    }

    /** Applies the current plan step by step; progress, countdown and read-backs arrive as it runs. */
    public void apply() {
        Plan p = plan;
        if (p == null || !canApply.get()) {
            return;
        }
        String h = host.get();
        Cancellation c = new Cancellation();
        cancellation = c;
        busy.set(true);
        canApply.set(false);
        status.set("Applying " + p.steps().size() + " steps to " + h + " ...");
        ApplyOptions options;
        try {
            options = ApplyOptions.defaults(() -> opener.open(h)).withConfirmTimeout(Duration.ofSeconds(confirmTimeout.get()));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        worker.execute(() -> {
            try (Host open = opener.open(h)) {
                ApplyResult r = engine.apply(open, p, options, listener(p), c);
                ui.accept(() -> {
                    busy.set(false);
                    countdown.set("");
                    progress.set(1);
                    for (ApplyResult.StepResult sr : r.steps()) {
                        for (int i = 0; i < rows.size(); i++) {
                            if (rows.get(i).seq() == sr.step().seq() && !sr.readBack().isEmpty()) {
                                rows.set(i, rows.get(i).withReadBack(sr.step().change().show(sr.readBack())));
                            }
                        }
                    }
                    status.set(r.status() + ": " + r.message());
                    plan = null;
                });
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> fail("Apply failed: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops after the running step and rolls back what was done. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
            status.set("Cancelling: the plan stops after this step and rolls back.");
        }
    }

    private ApplyListener listener(Plan p) {
        int total = p.steps().size();
        return new ApplyListener() {
            @Override
            public void stepStarted(Step step, int n, Journal.Phase phase) {
                ui.accept(() -> setRow(step.seq(), phase == Journal.Phase.APPLY ? "applying" : "rolling back"));
            }

            @Override
            public void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, String message) {
                ui.accept(() -> {
                    setRow(step.seq(), outcome.name().toLowerCase().replace('_', ' ')
                            + (message.isEmpty() ? "" : ": " + message));
                    if (phase == Journal.Phase.APPLY) {
                        progress.set(Math.min(1.0, step.seq() / (double) total));
                    }
                });
            }

            @Override
            public void countdown(Step step, Duration remaining) {
                ui.accept(() -> countdown.set("Revert armed on the host: fires in " + remaining.toSeconds()
                        + " s unless a new connection confirms."));
            }

            @Override
            public void message(String text) {
                ui.accept(() -> status.set(text));
            }
        };
    }

    private void setRow(int seq, String s) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).seq() == seq) {
                rows.set(i, rows.get(i).withStatus(s));
            }
        }
    }
}
