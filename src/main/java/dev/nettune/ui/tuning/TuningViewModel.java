package dev.nettune.ui.tuning;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ProfileNames;
import dev.nettune.app.HostOpener;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.Step;
import dev.nettune.tuning.TuningEngine;
import dev.nettune.tuning.Undo;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * the preview text, apply with per-step progress, the countdown of an armed revert; it plans what the
 * RSS/XPS editor ({@link NicEditorModel}) asks for. Work runs on {@code worker}; results come back through {@code ui} (the FX
 * thread in the app, the calling thread in tests), so the logic needs no toolkit.
 */
public final class TuningViewModel {
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
    /** The engine, made on first use on a worker: making it opens the journal (SQLite). */
    private final java.util.function.Supplier<TuningEngine> engine;
    private final Executor worker;
    private final Consumer<Runnable> ui;
    private final Predicate<String> sandbox;

    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<String> host = new SimpleObjectProperty<>();
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty(Messages.get("tuning.status.pick"));
    private final StringProperty countdown = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    // True while the host list and profiles are read: planning then would plan nothing ("pick a host first").
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty canApply = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty confirmTimeout = new SimpleIntegerProperty(60);
    /** What was done, line by line, with the values read back afterwards (the run log). */
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /** The journal id of the last plan applied here, while it can still be undone from this screen. */
    private final StringProperty undoable = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);

    /** The RSS and XPS editor, a model of its own. */
    private final NicEditorModel nicEditor = new NicEditorModel();

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private volatile java.util.function.Supplier<List<Profile>> profileSource;
    private volatile Plan plan;
    private volatile Cancellation cancellation;
    private String undoableHost = "";

    /** A view model where the host named {@code sandbox} is the only one changed without asking. */
    public TuningViewModel(HostOpener opener, TuningEngine engine, List<String> hostNames, List<Profile> profileList,
                           Executor worker, Consumer<Runnable> ui) {
        this(opener, engine, hostNames, profileList, worker, ui, "sandbox"::equals);
    }

    /** {@code sandbox} says which hosts are simulated: Apply and Undo elsewhere ask for confirmation first. */
    public TuningViewModel(HostOpener opener, TuningEngine engine, List<String> hostNames, List<Profile> profileList,
                           Executor worker, Consumer<Runnable> ui, Predicate<String> sandbox) {
        this(opener, () -> engine, hostNames, profileList, worker, ui, sandbox);
    }

    /** A view model whose engine (and so the journal's database) is only opened by the first plan, apply or undo, off the FX thread. */
    public TuningViewModel(HostOpener opener, java.util.function.Supplier<TuningEngine> engine, List<String> hostNames,
                           List<Profile> profileList, Executor worker, Consumer<Runnable> ui) {
        this(opener, engine, hostNames, profileList, worker, ui, "sandbox"::equals);
    }

    private TuningViewModel(HostOpener opener, java.util.function.Supplier<TuningEngine> engine, List<String> hostNames,
                            List<Profile> profileList, Executor worker, Consumer<Runnable> ui, Predicate<String> sandbox) {
        this.opener = opener;
        this.engine = engine;
        this.worker = worker;
        this.ui = ui;
        this.sandbox = sandbox;
        hosts.setAll(hostNames);
        profiles.setAll(profileList);
        if (!hosts.isEmpty()) {
            host.set(hosts.get(0));
        }
        if (!profiles.isEmpty()) {
            profile.set(profiles.get(0));
        }
        host.addListener((o, a, b) -> {
            clearPlan();
            canUndo.set(!undoable.get().isEmpty() && undoableHost.equals(b));
        });
        profile.addListener((o, a, b) -> clearPlan());
    }

    /**
     * Reads the host list and the profiles off the FX thread (saved hosts are in SQLite, profiles in
     * files) and shows them, keeping the chosen host and profile by name; {@code then} runs on the UI
     * thread afterwards.
     */
    public void load(java.util.function.Supplier<List<String>> hostSource, java.util.function.Supplier<List<Profile>> profiles,
                     Runnable then) {
        profileSource(profiles);
        loading.set(true);
        worker.execute(() -> {
            try {
                List<String> names = hostSource.get();
                List<Profile> all = profiles.get();
                ui.accept(() -> {
                    String chosenHost = host.get();
                    String chosenProfile = profile.get() == null ? null : profile.get().name();
                    hosts.setAll(names);
                    host.set(chosenHost != null && names.contains(chosenHost) ? chosenHost : names.isEmpty() ? null : names.get(0));
                    this.profiles.setAll(all);
                    profile.set(all.stream().filter(p -> p.name().equals(chosenProfile)).findFirst()
                            .orElse(all.isEmpty() ? null : all.get(0)));
                    loading.set(false);
                    then.run();
                });
            } catch (RuntimeException e) {
                ui.accept(() -> {
                    loading.set(false);
                    status.set(Messages.format("tuning.status.cannotList", Messages.problem(e)));
                });
            }
        });
    }

    /** Where {@link #refreshProfiles()} reads the profiles (the library, which the Profiles screen writes). */
    public void profileSource(java.util.function.Supplier<List<Profile>> source) {
        this.profileSource = source;
    }

    /** Re-reads the profiles off the FX thread (one saved on the Profiles screen appears); the choice is kept by name. */
    public void refreshProfiles() {
        java.util.function.Supplier<List<Profile>> source = profileSource;
        if (source == null) {
            return;
        }
        worker.execute(() -> {
            try {
                List<Profile> all = source.get();
                ui.accept(() -> {
                    String chosen = profile.get() == null ? null : profile.get().name();
                    if (all.equals(List.copyOf(profiles))) {
                        return;
                    }
                    profiles.setAll(all);
                    profile.set(all.stream().filter(p -> p.name().equals(chosen)).findFirst()
                            .orElse(all.isEmpty() ? null : all.get(0)));
                });
            } catch (RuntimeException e) {
                ui.accept(() -> status.set(Messages.format("tuning.status.cannotReadProfiles", Messages.problem(e))));
            }
        });
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
        makePlan(false);
    }

    /**
     * Plans the chosen profile; one marked unrestricted that goes beyond what tuning needs is planned only when the
     * user confirmed it ({@code allowUnrestricted}), each such step then carrying a WARNING note.
     */
    public void makePlan(boolean allowUnrestricted) {
        Profile p = profile.get();
        if (p == null || host.get() == null) {
            status.set(Messages.get("tuning.status.pickFirst"));
            return;
        }
        if (!allowUnrestricted && needsUnrestrictedConfirmation()) {
            status.set(Messages.format("tuning.status.unrestricted", ProfileNames.shown(p)));
            return;
        }
        planFor(p, allowUnrestricted);
    }

    /** Whether the chosen profile goes beyond what tuning needs, so the user must confirm before it is planned. */
    public boolean needsUnrestrictedConfirmation() {
        Profile p = profile.get();
        return p != null && !p.beyondLimits().isEmpty();
    }

    /** The question asked before planning an unrestricted profile: everything it does beyond the limits. */
    public String unrestrictedQuestion() {
        Profile p = profile.get();
        return Messages.format("tuning.confirm.unrestricted", ProfileNames.shown(p),
                p == null ? "" : "- " + String.join("\n- ", p.beyondLimitPhrases().stream().map(Messages::say).toList()));
    }

    /** Plans the editor's XPS lists. */
    public void planXps() {
        nicEditor.xpsProfile().ifPresent(this::planFor);
    }

    /** Plans the usual spread: TX queue i to CPU i mod n over the host's online CPUs. */
    public void planXpsSpread() {
        nicEditor.xpsSpreadProfile().ifPresent(this::planFor);
    }

    /** Plans the editor's RSS request. */
    public void planRss() {
        nicEditor.rssProfile().ifPresent(this::planFor);
    }

    private void planFor(Profile p) {
        planFor(p, false);
    }

    private void planFor(Profile p, boolean allowUnrestricted) {
        String h = host.get();
        busy.set(true);
        clearPlan();
        status.set(Messages.format("tuning.status.reading", h));
        worker.execute(() -> {
            try (Host open = opener.open(h)) {
                Plan made = (allowUnrestricted ? Planner.allowingUnrestricted() : new Planner()).plan(open, p);
                ui.accept(() -> showPlan(made));
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> fail(Messages.format("tuning.status.cannotPlan", h, Messages.problem(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ui.accept(() -> fail(Messages.get("common.cancelled")));
            }
        });
    }

    private void showPlan(Plan made) {
        plan = made;
        busy.set(false);
        rows.setAll(made.steps().stream().map(s -> new PlanRow(s.seq(), Messages.say(s.change().titlePhrase()),
                Messages.say(s.change().showPhrase(s.before())), Messages.say(s.change().showPhrase(s.after())), s.commitConfirmed(), Messages.get("tuning.row.planned"), "")).toList());
        notes.setAll(made.problemPhrases().stream().map(x -> Messages.say(PlanPreview.problemNote(x))).toList());
        made.steps().forEach(s -> s.notePhrases().forEach(n -> notes.add(Messages.say(s.change().titlePhrase()) + ": " + Messages.say(n))));
        made.notePhrases().forEach(n -> notes.add(Messages.format("tuning.note.skipped", Messages.say(n))));
        preview.set(PlanPreview.text(made, Messages.locale()));
        canApply.set(made.applicable() && !made.nothingToDo());
        progress.set(0);
        log(Messages.format("tuning.log.planned", made.host(), ProfileNames.shown(made.profile()), made.steps().size(), String.valueOf(made.id())));
        // A plan the host skipped whole (nmcli with NetworkManager stopped) says why, not that the host "already has every value".
        boolean skippedWhole = made.nothingToDo() && made.unchanged().isEmpty() && !made.notes().isEmpty();
        status.set(!made.applicable() ? Messages.get("tuning.status.notApplicable")
                : skippedWhole ? Messages.format("tuning.note.skipped", made.notePhrases().stream().map(Messages::say).collect(java.util.stream.Collectors.joining(" ")))
                : made.nothingToDo() ? Messages.format("tuning.status.nothingToDo", made.host(), ProfileNames.shown(made.profile()))
                : Messages.format(made.needsCommitConfirmed() ? "tuning.status.toApplyConfirmed" : "tuning.status.toApply",
                        made.steps().size()));
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
    }

    /** True when the chosen host is real: Apply and Undo ask before they change it. */
    public boolean needsConfirmation() {
        return host.get() != null && !sandbox.test(host.get());
    }

    /** The question asked before applying the current plan to a real host. */
    public String applyQuestion() {
        Plan p = plan;
        int n = p == null ? 0 : p.steps().size();
        return Messages.format("tuning.confirm.apply", n, p == null ? "" : ProfileNames.shown(p.profile()), host.get());
    }

    /** The question asked before undoing the last plan on a real host. */
    public String undoQuestion() {
        return Messages.format("tuning.confirm.undo", String.valueOf(undoable.get()), undoableHost);
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
        canUndo.set(false);
        status.set(Messages.format("tuning.status.applying", p.steps().size(), h));
        log(Messages.format("tuning.log.applying", h, String.valueOf(p.id())));
        ApplyOptions options;
        try {
            options = options(h);
        } catch (IllegalArgumentException e) {
            fail(Messages.problem(e));
            return;
        }
        worker.execute(() -> {
            try (Host open = opener.open(h)) {
                ApplyResult r = engine.get().apply(open, p, options, listener(p.steps().size()), c);
                ui.accept(() -> {
                    finished(r, h, "applied");
                    plan = null;
                    if (r.applied() && !p.steps().isEmpty()) {
                        undoable.set(r.planId());
                        undoableHost = h;
                        canUndo.set(true);
                    }
                });
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> fail(Messages.format("tuning.status.applyFailed", Messages.problem(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Undoes the last plan applied from this screen: every value it changed goes back to the journaled
     * "before", read back; the rows then show the undo's steps and the values now in effect.
     */
    public void undo() {
        String id = undoable.get();
        if (id.isEmpty() || !canUndo.get()) {
            return;
        }
        String h = undoableHost;
        Cancellation c = new Cancellation();
        cancellation = c;
        busy.set(true);
        canUndo.set(false);
        canApply.set(false);
        plan = null;
        rows.clear();
        preview.set("");
        progress.set(0);
        status.set(Messages.format("tuning.status.undoing", String.valueOf(id), h));
        log(Messages.format("tuning.log.undoing", h, String.valueOf(id)));
        ApplyOptions options;
        try {
            options = options(h);
        } catch (IllegalArgumentException e) {
            fail(Messages.problem(e));
            return;
        }
        worker.execute(() -> {
            try (Host open = opener.open(h)) {
                ApplyResult r = new Undo(engine.get()).undoPlan(open, id, options, listener(0), c);
                ui.accept(() -> {
                    finished(r, h, "undone");
                    if (r.applied()) {
                        undoable.set("");
                        undoableHost = "";
                    } else {
                        canUndo.set(host.get() != null && host.get().equals(h));
                    }
                });
            } catch (HostException | RuntimeException e) {
                ui.accept(() -> {
                    fail(Messages.format("tuning.status.undoFailed", Messages.problem(e)));
                    canUndo.set(true);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private ApplyOptions options(String h) {
        return ApplyOptions.defaults(() -> opener.open(h)).withConfirmTimeout(Duration.ofSeconds(confirmTimeout.get()));
    }

    /**
     * Shows how a run ended: each row's outcome and the value read back afterwards, the status with the
     * values now in effect (never the planned ones), and one log line per step.
     */
    private void finished(ApplyResult r, String h, String doneWord) {
        busy.set(false);
        countdown.set("");
        progress.set(1);
        // The last result of a step wins: a step applied then rolled back shows the rolled-back value.
        java.util.Map<Integer, ApplyResult.StepResult> last = new java.util.LinkedHashMap<>();
        r.steps().forEach(sr -> last.put(sr.step().seq(), sr));
        List<String> now = new ArrayList<>();
        for (ApplyResult.StepResult sr : last.values()) {
            String value = sr.readBack().isEmpty() ? "" : Messages.say(sr.step().change().showPhrase(sr.readBack()));
            String outcome = sr.outcome() == Journal.Outcome.APPLIED ? Messages.get("tuning.outcome." + doneWord)
                    : outcomeText(sr.outcome());
            String said = Messages.say(sr.messagePhrase());
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).seq() == sr.step().seq()) {
                    rows.set(i, rows.get(i).withStatus(outcome + (said.isEmpty() ? "" : ": " + said))
                            .withReadBack(value));
                }
            }
            log(Messages.format("tuning.log.step", h, sr.step().seq(), Messages.say(sr.step().change().titlePhrase()), outcome)
                    + (value.isEmpty() ? "" : Messages.format("tuning.log.now", value))
                    + (said.isEmpty() ? "" : " (" + said + ")"));
            if (!value.isEmpty() && sr.step().change().title().length() <= 40) {
                now.add(Messages.say(sr.step().change().titlePhrase()) + " = " + value);
            }
        }
        boolean undone = "undone".equals(doneWord) && r.applied();
        String label = Messages.say(undone ? Journal.PlanStatus.UNDONE.phrase() : r.status().phrase());
        String inEffect = now.isEmpty() ? "" : " " + Messages.format(last.size() > Math.min(3, now.size())
                ? "tuning.status.inEffectMore" : "tuning.status.inEffect", String.join(", ", now.subList(0, Math.min(3, now.size()))));
        String message = undone ? Messages.format("tuning.status.undone", String.valueOf(undoable.get())) : Messages.say(r.messagePhrase());
        status.set(Messages.format("tuning.status.finished", label, h, message) + inEffect);
        log(Messages.format("tuning.log.finished", h, label, String.valueOf(r.planId())));
    }

    /** A step's outcome in words ("rolled back"), in the language in use. */
    static String outcomeText(Journal.Outcome o) {
        return Messages.get("tuning.outcome." + o.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void log(String line) {
        log.add(LocalTime.now().format(CLOCK) + "  " + line);
    }

    /** Stops after the running step and rolls back what was done. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
            status.set(Messages.get("tuning.status.cancelling"));
        }
    }

    /** Progress and row states as a run goes; an undo's rows (total 0) appear as its steps start. */
    private ApplyListener listener(int planned) {
        return new ApplyListener() {
            @Override
            public void stepStarted(Step step, int n, Journal.Phase phase) {
                ui.accept(() -> {
                    if (rows.stream().noneMatch(r -> r.seq() == step.seq())) {
                        rows.add(new PlanRow(step.seq(), Messages.say(step.change().titlePhrase()), Messages.say(step.change().showPhrase(step.before())),
                                Messages.say(step.change().showPhrase(step.after())), step.commitConfirmed(), "", ""));
                    }
                    setRow(step.seq(), Messages.get(phase == Journal.Phase.APPLY ? "tuning.row.applying" : "tuning.row.rollingBack"));
                });
            }

            @Override
            public void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, dev.nettune.Phrase phrase) {
                String message = Messages.say(phrase);
                ui.accept(() -> {
                    setRow(step.seq(), outcomeText(outcome) + (message.isEmpty() ? "" : ": " + message));
                    int total = planned > 0 ? planned : rows.size();
                    if (phase == Journal.Phase.APPLY && total > 0) {
                        progress.set(Math.min(1.0, step.seq() / (double) total));
                    }
                });
            }

            @Override
            public void countdown(Step step, Duration remaining) {
                ui.accept(() -> countdown.set(Messages.format("tuning.countdown", remaining.toSeconds())));
            }

            @Override
            public void message(String text) {
                ui.accept(() -> {
                    status.set(text);
                    log(text);
                });
            }

            @Override
            public void message(dev.nettune.Phrase text) {
                message(Messages.say(text));
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

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObjectProperty<String> hostProperty() {
        return host;
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty countdownProperty() {
        return countdown;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the host list and profiles are still being read (nothing can be planned yet). */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty canApplyProperty() {
        return canApply;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public IntegerProperty confirmTimeoutProperty() {
        return confirmTimeout;
    }

    public ObservableList<String> log() {
        return log;
    }

    public StringProperty undoableProperty() {
        return undoable;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** The editor of one NIC's RSS key and table and XPS lists, whose requests {@link #planRss()} and {@link #planXps()} plan. */
    public NicEditorModel nicEditor() {
        return nicEditor;
    }
}
