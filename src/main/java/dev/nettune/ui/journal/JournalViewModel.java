package dev.nettune.ui.journal;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.CloudPlans;
import dev.nettune.app.HostOpener;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.TuningEngine;
import dev.nettune.tuning.Undo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Journal screen's state: every plan and every change with host, time, before, after, read-back,
 * commands and outcome; undo of an entry or a whole plan; unfinished plans offered to finish or revert.
 */
public final class JournalViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /**
     * One plan in the list; {@code cloud} plans are undone and resumed through the cloud API, host plans over the host.
     * {@code status} is shown in the user's language; {@code state} is the journal's own word for it (a cloud plan's
     * INCOMPLETE, FAILED..., a host plan's status name), which decisions use: the shown words change with the language.
     */
    public record PlanRow(String id, String host, String profile, String kind, String started, String status,
                          String detail, boolean unfinished, boolean cloud, String state) {
        public PlanRow(String id, String host, String profile, String kind, String started, String status, String detail, boolean unfinished) {
            this(id, host, profile, kind, started, status, detail, unfinished, false, "");
        }
    }

    /** Asks the user before a change to a real (non-sandbox) account; the screen shows a dialog, tests answer directly. */
    @FunctionalInterface
    public interface Confirm {
        boolean confirm(String question);
    }

    /** The states of a cloud plan that stopped before its end and was not undone (CloudPlans.Summary's words). */
    private static final java.util.Set<String> RESUMABLE_CLOUD_STATES = java.util.Set.of("INCOMPLETE", "FAILED");

    /** The number of cloud plans listed (newest first). */
    static final int CLOUD_PLANS_SHOWN = 200;

    /** One journaled change. */
    public record EntryRow(long id, int seq, String phase, String host, String time, String title, String before,
                           String after, String readBack, String commands, String outcome, String message) {
    }

    /** The journal, the engine and the cloud plans open SQLite when first made: on a worker, at the first refresh. */
    private final Supplier<Journal> journal;
    private final Supplier<TuningEngine> engine;
    private final HostOpener opener;
    private final Executor worker;
    private final Consumer<Runnable> ui;

    private final ObservableList<PlanRow> plans = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObservableList<String> unfinished = FXCollections.observableArrayList();
    private final ObjectProperty<PlanRow> selectedPlan = new SimpleObjectProperty<>();
    private final ObjectProperty<EntryRow> selectedEntry = new SimpleObjectProperty<>();
    private final StringProperty hostFilter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Supplier<Optional<CloudPlans>> cloudPlans;
    private volatile Confirm confirm = question -> true;

    public JournalViewModel(Journal journal, TuningEngine engine, HostOpener opener, Executor worker, Consumer<Runnable> ui) {
        this(journal, engine, opener, worker, ui, Optional.empty());
    }

    /** With the cloud plans listed beside the host plans. */
    public JournalViewModel(Journal journal, TuningEngine engine, HostOpener opener, Executor worker, Consumer<Runnable> ui,
            Optional<CloudPlans> cloudPlans) {
        this(() -> journal, () -> engine, opener, worker, ui, () -> cloudPlans);
    }

    /** With the journal, the engine and the cloud plans made on first use, on a worker (making them opens SQLite). */
    public JournalViewModel(Supplier<Journal> journal, Supplier<TuningEngine> engine, HostOpener opener, Executor worker,
            Consumer<Runnable> ui, Supplier<Optional<CloudPlans>> cloudPlans) {
        this.cloudPlans = once(cloudPlans);
        this.journal = once(journal);
        this.engine = once(engine);
        this.opener = opener;
        this.worker = worker;
        this.ui = ui;
        selectedPlan.addListener((o, a, b) -> showEntries(b));
        hostFilter.addListener((o, a, b) -> refresh());
    }

    /** Reloads plans (newest first) and the unfinished ones: read on a worker, shown through the UI executor. */
    public void refresh() {
        refresh(() -> { });
    }

    /** Reloads as {@link #refresh()} does, then runs {@code whenShown} on the UI executor (also when the read failed). */
    private void refresh(Runnable whenShown) {
        Optional<String> host = hostFilter.get() == null || hostFilter.get().isBlank() ? Optional.empty()
                : Optional.of(hostFilter.get().strip());
        worker.execute(() -> {
            try {
                List<Journal.PlanRecord> open = journal.get().unfinished();
                List<PlanRow> rows = new java.util.ArrayList<>(journal.get().plans(host).stream().map(p -> new PlanRow(p.id(), p.host(),
                        dev.nettune.ui.common.ProfileNames.shown(Messages.say(Undo.planName(p.profile()))), kind(p) , TIME.format(p.started()), Messages.say(p.status().phrase()),
                        Messages.say(p.detailPhrase()), open.stream().anyMatch(u -> u.id().equals(p.id())), false, p.status().name())).toList());
                List<CloudPlans.Summary> cloud = host.isPresent() && !"cloud".equalsIgnoreCase(host.get()) ? List.of()
                        : cloudPlans.get().map(c -> c.recent(CLOUD_PLANS_SHOWN)).orElse(List.of());
                cloud.forEach(c -> rows.add(new PlanRow(c.id(), "cloud", Messages.say(c.titlePhrase()), Messages.get("journal.kind.cloud"), TIME.format(c.created()),
                        Messages.get("journal.cloudState." + c.state()), Messages.say(c.detail()), c.resumable() && c.done() > 0, true, c.state())));
                // Host and cloud plans alike, newest first.
                rows.sort(java.util.Comparator.comparing(PlanRow::started).reversed());
                List<String> notes = open.stream().map(p -> Messages.format("journal.note.unfinished", String.valueOf(p.id()), p.host(),
                        Messages.say(p.status().phrase()))).toList();
                ui.accept(() -> {
                    show(rows, notes);
                    whenShown.run();
                });
            } catch (RuntimeException e) {
                ui.accept(() -> {
                    status.set(Messages.format("journal.status.cannotRead", Messages.problem(e)));
                    whenShown.run();
                });
            }
        });
    }

    private void show(List<PlanRow> rows, List<String> notes) {
        String keep = selectedPlan.get() == null ? null : selectedPlan.get().id();
        plans.setAll(rows);
        unfinished.setAll(notes);
        plans.stream().filter(p -> p.id().equals(keep)).findFirst().ifPresentOrElse(selectedPlan::set,
                () -> selectedPlan.set(plans.isEmpty() ? null : plans.get(0)));
        showEntries(selectedPlan.get());
    }

    private void showEntries(PlanRow plan) {
        if (plan != null && plan.cloud()) {
            // A cloud plan's steps are API calls, shown by the CLI (nettune cloud plan show); the row's detail says how far it got.
            entries.clear();
            return;
        }
        if (plan == null) {
            entries.clear();
            return;
        }
        worker.execute(() -> {
            try {
                List<EntryRow> rows = journal.get().entries(Optional.of(plan.id()), Optional.empty()).stream().map(e -> new EntryRow(e.id(),
                        e.seq(), Messages.say(e.phase().phrase()), e.host(), TIME.format(e.time()), title(e), show(e, e.before()),
                        show(e, e.after()), e.readBack().map(v -> show(e, v)).orElse(""), e.commands(), Messages.say(e.outcome().phrase()),
                        Messages.say(e.messagePhrase()))).toList();
                ui.accept(() -> {
                    if (plan.equals(selectedPlan.get())) {
                        entries.setAll(rows);
                    }
                });
            } catch (RuntimeException e) {
                ui.accept(() -> status.set(Messages.format("journal.status.cannotRead", Messages.problem(e))));
            }
        });
    }

    /** A supplier that asks {@code s} once, on first use, and keeps the answer. */
    private static <T> Supplier<T> once(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    private static String show(Journal.Entry e, String v) {
        try {
            // English as the screen always showed it; in Chinese the value's own phrase (a file's line and byte count).
            return "zh".equals(Messages.locale().getLanguage()) ? Messages.say(e.change().showPhrase(v)) : e.change().show(v);
        } catch (RuntimeException ex) {
            return v;
        }
    }

    private static String title(Journal.Entry e) {
        try {
            return Messages.say(e.change().titlePhrase());
        } catch (RuntimeException ex) {
            return e.title();
        }
    }

    /** "apply", "undo of P" in the language in use (English as journaled). */
    private static String kind(Journal.PlanRecord p) {
        String kind = switch (p.kind()) {
            case "apply" -> Messages.get("journal.kind.apply");
            case "undo" -> Messages.get("journal.kind.undo");
            case "finish" -> Messages.get("journal.kind.finish");
            default -> p.kind();
        };
        return kind + p.undoes().map(u -> Messages.format("journal.kind.of", u)).orElse("");
    }

    /** Sets how the user is asked before a change to a real cloud account. */
    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    /** Undoes the selected plan on its host, or a cloud plan through the cloud API (asking first on a real account). */
    public void undoPlan() {
        PlanRow p = selectedPlan.get();
        if (p != null && p.cloud()) {
            cloud(p, true, (c, progress) -> c.undo(p.id(), progress));
            return;
        }
        if (p != null) {
            run(p.host(), Messages.format("journal.undoingPlan", String.valueOf(p.id())),
                    Messages.format("journal.planUndone", String.valueOf(p.id())), (undo, host, options) ->
                    undo.undoPlan(host, p.id(), options, ApplyListener.NONE, new Cancellation()));
        }
    }

    /** Undoes the selected entry on its host. */
    public void undoEntry() {
        EntryRow e = selectedEntry.get();
        if (e != null) {
            run(e.host(), Messages.format("journal.undoingEntry", String.valueOf(e.id())),
                    Messages.format("journal.entryUndone", String.valueOf(e.id())), (undo, host, options) ->
                    undo.undoEntry(host, e.id(), options, ApplyListener.NONE, new Cancellation()));
        }
    }

    /** Resumes the selected cloud plan from its first step that is not done (asking first on a real account). */
    public void resumePlan() {
        PlanRow p = selectedPlan.get();
        if (p != null && p.cloud()) {
            cloud(p, false, (c, progress) -> c.resume(p.id(), progress));
        }
    }

    /** True when the selected plan is a cloud plan that stopped before its end and was not undone. */
    public javafx.beans.binding.BooleanBinding resumableProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> selectedPlan.get() != null && selectedPlan.get().cloud()
                && RESUMABLE_CLOUD_STATES.contains(selectedPlan.get().state()), selectedPlan);
    }

    private interface CloudWork {
        dev.nettune.cloud.CloudPlanRunner.PlanRun run(CloudPlans plans, dev.nettune.cloud.ProgressListener progress);
    }

    /** Undoes ({@code undo}) or resumes a cloud plan; every status names which, in the user's language. */
    private void cloud(PlanRow p, boolean undo, CloudWork work) {
        CloudPlans c = cloudPlans.get().orElseThrow();
        CloudPlans.Target target = c.target();
        String verb = Messages.get(undo ? "journal.cloud.undo" : "journal.cloud.resume");
        if (!target.sandbox() && !confirm.confirm(Messages.format("journal.cloud.confirm", verb, p.id(), p.profile(), Messages.say(target.display())))) {
            status.set(Messages.format("journal.cloud.cancelled", verb, p.id()));
            return;
        }
        busy.set(true);
        status.set(Messages.format("journal.cloud.working", verb, p.id(), Messages.say(target.display())));
        worker.execute(() -> {
            try {
                var run = work.run(c, message -> ui.accept(() -> status.set(Messages.say(message))));
                ui.accept(() -> done(run.completed()
                        ? Messages.format(undo ? "journal.cloud.undone" : "journal.cloud.done", verb, p.id(), run.resultPhrases().stream().map(Messages::say).collect(java.util.stream.Collectors.joining("; ")))
                        : Messages.format("journal.cloud.stopped", verb, p.id(),
                                run.failurePhrase().map(Messages::say).orElse(Messages.get("journal.cloud.notCompleted")))));
            } catch (RuntimeException e) {
                ui.accept(() -> done(Messages.format("journal.cloud.failed", verb, p.id(), Messages.problem(e))));
            }
        });
    }

    /** Finishes the selected unfinished plan. */
    public void finishPlan() {
        PlanRow p = selectedPlan.get();
        if (p != null && p.cloud()) {
            resumePlan();
            return;
        }
        if (p != null) {
            run(p.host(), Messages.format("journal.finishingPlan", String.valueOf(p.id())), null, (undo, host, options) ->
                    undo.finishUnfinished(host, p.id(), options, ApplyListener.NONE, new Cancellation()));
        }
    }

    /** Reverts the selected unfinished plan. */
    public void revertPlan() {
        PlanRow p = selectedPlan.get();
        if (p != null && p.cloud()) {
            undoPlan();
            return;
        }
        if (p != null) {
            run(p.host(), Messages.format("journal.revertingPlan", String.valueOf(p.id())), null, (undo, host, options) ->
                    undo.revertUnfinished(host, p.id(), options, ApplyListener.NONE, new Cancellation()));
        }
    }

    private interface UndoWork {
        ApplyResult run(Undo undo, Host host, ApplyOptions options) throws HostException, InterruptedException;
    }

    /**
     * Runs recovery work on a host; {@code undoneSays}, for an undo, is what the status says when it
     * worked (the undo's own plan status is APPLIED, which would read as if the change were still there).
     */
    private void run(String hostName, String what, String undoneSays, UndoWork work) {
        busy.set(true);
        status.set(Messages.format("journal.status.working", what, hostName));
        worker.execute(() -> {
            try (Host host = opener.open(hostName)) {
                ApplyResult r = work.run(new Undo(engine.get()), host, ApplyOptions.defaults(() -> opener.open(hostName)));
                ui.accept(() -> done(undoneSays != null && r.applied() ? undoneSays + " " + Messages.format("journal.byPlan",
                        String.valueOf(r.planId())) + ": " + Messages.say(r.messagePhrase())
                        : Messages.say(r.status().phrase()) + ": " + Messages.say(r.messagePhrase())));
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> done(Messages.format("journal.status.failed", what, Messages.problem(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Busy ends only when the rows show what the work did: ended before the reload, a row could still say COMPLETE
     * for a plan just undone (and a test waiting for "not busy" read it so).
     */
    private void done(String message) {
        status.set(message);
        refresh(() -> busy.set(false));
    }

    public ObservableList<PlanRow> plans() {
        return plans;
    }

    public ObservableList<EntryRow> entries() {
        return entries;
    }

    public ObservableList<String> unfinished() {
        return unfinished;
    }

    public ObjectProperty<PlanRow> selectedPlanProperty() {
        return selectedPlan;
    }

    public ObjectProperty<EntryRow> selectedEntryProperty() {
        return selectedEntry;
    }

    public StringProperty hostFilterProperty() {
        return hostFilter;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
