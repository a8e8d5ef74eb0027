package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.SetupProgress;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.Undo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One host step of the production setup (TIME-WAIT, SMC, XPS, ...): its form builds a small profile;
 * Preview plans it on the host (what differs, the exact commands and files), Apply runs it through the
 * tuning engine, which journals every step and reads each value back; Undo sets the journaled values
 * back; Skip leaves the host alone. The wizard moves on once the step is applied, needs nothing, was
 * undone or was skipped. Each concrete step is the view model of one page.
 */
public abstract class HostStepModel {
    /** Where the step stands. */
    public enum State {
        TO_DO, PLANNED, NOTHING_TO_DO, APPLIED, FAILED, UNDONE, SKIPPED;

        /** This state in the user's language ("to do", "previewed" ...). */
        public String label() {
            return Messages.get("production.step.state." + name());
        }
    }

    private final String key;
    private final String title;
    protected final HostWork work;
    protected final StringProperty host;
    protected final StringProperty nic;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.TO_DO);
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** The values read back from the host after the last apply or undo, one "title = value" per line. */
    private final StringProperty readBack = new SimpleStringProperty("");
    /** The journal id of the plan that applied this step (what Undo undoes). */
    private final StringProperty planId = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** True when the last preview found nothing of the step that applies to this host (NetworkManager not running, say). */
    private boolean skippedByHost;
    /** False while something the step needs first has not been checked (the RSS step's preflight). */
    protected final BooleanProperty ready = new SimpleBooleanProperty(true);
    private StringBinding problem;
    private volatile Plan plan;
    private Runnable onSettled = () -> { };

    protected HostStepModel(String key, String title, HostWork work, StringProperty host, StringProperty nic) {
        this.key = key;
        this.title = title;
        this.work = work;
        this.host = host;
        this.nic = nic;
    }

    /** Call at the end of a subclass constructor: the form's inputs are known then. */
    protected final void inputsAre(Observable... inputs) {
        List<Observable> all = new ArrayList<>(List.of(inputs));
        all.add(nic);
        Observable[] deps = all.toArray(Observable[]::new);
        problem = Bindings.createStringBinding(() -> {
            try {
                profile();
                return "";
            } catch (IllegalArgumentException e) {
                return Messages.problem(e);
            }
        }, deps);
        // A preview is of the values typed then: a change makes it stale.
        for (Observable o : all) {
            o.addListener(x -> {
                if (state.get() == State.PLANNED || state.get() == State.NOTHING_TO_DO) {
                    plan = null;
                    preview.set("");
                    state.set(State.TO_DO);
                    status.set(Messages.get("production.step.stale"));
                }
            });
        }
        host.addListener(x -> {
            if (state.get() == State.PLANNED || state.get() == State.NOTHING_TO_DO) {
                plan = null;
                preview.set("");
                state.set(State.TO_DO);
            }
        });
    }

    /** A short id, used to remember the step between launches. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** Why this step matters, in the words of the seed and the kernel. */
    public abstract String why();

    /** The step as a profile of the values on the form; throws with the reason when a value is not allowed. */
    public abstract Profile profile();

    /** The name of the profile this step plans, "Production setup: " and its title, in the language in use (it is journaled so). */
    protected final String profileName() {
        return Messages.format("production.profile.name", title);
    }

    /** What is wrong with the form, empty when it can be previewed. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** True while the page must not be left: work is running, or the step is neither settled nor skipped. */
    public BooleanBinding blocksNextProperty() {
        return Bindings.createBooleanBinding(() -> busy.get() || !settled(), busy, state);
    }

    /** Applied, already in effect, undone or skipped: the user made their choice. */
    public boolean settled() {
        State s = state.get();
        return s == State.APPLIED || s == State.NOTHING_TO_DO || s == State.UNDONE || s == State.SKIPPED;
    }

    public BooleanBinding canApplyProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && state.get() == State.PLANNED, busy, state);
    }

    public BooleanBinding canUndoProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && state.get() == State.APPLIED && !planId.get().isEmpty(), busy, state,
                planId);
    }

    public BooleanBinding canPreviewProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && ready.get() && problem.get().isEmpty() && state.get() != State.APPLIED,
                busy, ready, state, problem);
    }

    /** Called whenever the step becomes applied, undone or skipped (the wizard saves its progress then). */
    void onSettled(Runnable r) {
        onSettled = r;
    }

    /** True when the host is real: Apply and Undo ask first. */
    public boolean needsConfirmation() {
        return host.get() != null && !work.sandbox().test(host.get());
    }

    /** Plans the form's values on the host: only what differs, with the commands and files, nothing changed yet. */
    public void preview() {
        Profile p;
        try {
            p = profile();
        } catch (IllegalArgumentException e) {
            status.set(Messages.problem(e));
            return;
        }
        String h = host.get();
        busy.set(true);
        skippedByHost = false;
        status.set(Messages.format("production.step.reading", h));
        work.worker().execute(() -> {
            try (Host open = work.opener().open(h)) {
                Plan made = plan(open, p);
                work.ui().accept(() -> showPlan(made));
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> failed(Messages.format("production.step.cannotRead", h, message(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                work.ui().accept(() -> failed(Messages.get("production.step.cancelled")));
            }
        });
    }

    /** Plans the step's profile on the open host (off the FX thread); a step may plan through its own service. */
    protected Plan plan(Host open, Profile p) throws HostException, InterruptedException {
        return new Planner().plan(open, p);
    }

    /** Applies a previewed plan (off the FX thread) through the tuning engine: journaled, read back. */
    protected ApplyResult apply(Host open, Plan p, String h) throws HostException, InterruptedException {
        return work.engine().apply(open, p, ApplyOptions.defaults(() -> work.opener().open(h)), ApplyListener.NONE, new Cancellation());
    }

    /** What a step adds under its read-back after an apply (a value this kernel lacks, say); nothing by default. */
    protected String afterApply(ApplyResult r, Plan applied) {
        return "";
    }

    /** What the status says when the host already has every value (the plan compared what it read back with the form). */
    protected String nothingToDo(Plan made) {
        return Messages.format("production.step.nothingToDo", made.host());
    }

    private void showPlan(Plan made) {
        plan = made;
        busy.set(false);
        preview.set(PlanPreview.text(made, Messages.locale()));
        if (!made.applicable()) {
            state.set(State.FAILED);
            status.set(Messages.format("production.step.notApplicable", made.host(), made.problemPhrases().stream().map(Messages::say).collect(java.util.stream.Collectors.joining(" "))));
        } else if (made.nothingToDo() && made.unchanged().isEmpty() && !made.notes().isEmpty()) {
            // Nothing of the step applies to this host (nmcli with NetworkManager stopped): the host's reason, not "already has these values".
            skippedByHost = true;
            state.set(State.SKIPPED);
            status.set(Messages.format("tuning.note.skipped", made.notePhrases().stream().map(Messages::say).collect(java.util.stream.Collectors.joining(" "))));
            onSettled.run();
        } else if (made.nothingToDo()) {
            state.set(State.NOTHING_TO_DO);
            status.set(nothingToDo(made));
            onSettled.run();
        } else {
            state.set(State.PLANNED);
            int n = made.steps().size();
            status.set(Messages.format("production.step.planned", n, made.host()));
        }
    }

    /** Applies the previewed plan; the engine journals each change and reads it back. */
    public void apply() {
        Plan p = plan;
        if (p == null || state.get() != State.PLANNED) {
            return;
        }
        String h = host.get();
        busy.set(true);
        status.set(Messages.format("production.step.applying", p.steps().size(), h));
        work.worker().execute(() -> {
            try (Host open = work.opener().open(h)) {
                ApplyResult r = apply(open, p, h);
                work.ui().accept(() -> {
                    busy.set(false);
                    plan = null;
                    String more = r.applied() ? afterApply(r, p) : "";
                    readBack.set(values(r) + (more.isEmpty() ? "" : "\n" + more));
                    if (r.applied()) {
                        planId.set(r.planId());
                        state.set(State.APPLIED);
                        status.set(Messages.format("production.step.applied", String.valueOf(r.planId()), h));
                        onSettled.run();
                    } else {
                        state.set(State.FAILED);
                        status.set(Messages.say(r.status().phrase()) + ": " + Messages.say(r.messagePhrase()));
                    }
                });
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> failed(Messages.format("production.step.applyFailed", message(e))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Sets every value this step changed back to the value journaled before it, read back. */
    public void undo() {
        String id = planId.get();
        if (id.isEmpty() || state.get() != State.APPLIED) {
            return;
        }
        String h = host.get();
        busy.set(true);
        status.set(Messages.format("production.step.undoing", String.valueOf(id), h));
        work.worker().execute(() -> {
            try (Host open = work.opener().open(h)) {
                ApplyResult r = new Undo(work.engine()).undoPlan(open, id, ApplyOptions.defaults(() -> work.opener().open(h)),
                        ApplyListener.NONE, new Cancellation());
                work.ui().accept(() -> {
                    busy.set(false);
                    readBack.set(values(r));
                    if (r.applied()) {
                        state.set(State.UNDONE);
                        status.set(Messages.format("production.step.undone", String.valueOf(id), h));
                        onSettled.run();
                    } else {
                        status.set(Messages.format("production.step.undoIncomplete", Messages.say(r.status().phrase()), Messages.say(r.messagePhrase())));
                    }
                });
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> {
                    busy.set(false);
                    status.set(Messages.format("production.step.undoFailed", message(e)));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Leaves the host as it is for this step; the wizard moves on. */
    public void skip() {
        if (busy.get() || state.get() == State.APPLIED) {
            return;
        }
        plan = null;
        skippedByHost = false;
        state.set(State.SKIPPED);
        status.set(Messages.format("production.step.skipped", title));
        onSettled.run();
    }

    /**
     * Whether the host itself skipped the step: its last preview found it does not apply there (NetworkManager
     * stopped). A later step treats that as in effect, as before: the persistence step still writes the conf.d
     * file that NetworkManager reads when it starts.
     */
    public boolean skippedByHost() {
        return skippedByHost && state.get() == State.SKIPPED;
    }

    /** Takes back a skip (the form can be previewed again). */
    public void unskip() {
        if (state.get() == State.SKIPPED) {
            state.set(State.TO_DO);
            status.set("");
            onSettled.run();
        }
    }

    /** The state kept between launches; null while the step is not settled. */
    SetupProgress.Step saved() {
        return switch (state.get()) {
            case APPLIED, NOTHING_TO_DO -> new SetupProgress.Step(SetupProgress.State.DONE, planId.get());
            case SKIPPED -> new SetupProgress.Step(SetupProgress.State.SKIPPED, "");
            case UNDONE -> new SetupProgress.Step(SetupProgress.State.UNDONE, planId.get());
            default -> null;
        };
    }

    /** Restores a state saved by an earlier session: an applied step can still be undone by its plan id. */
    void restore(SetupProgress.Step s) {
        planId.set(s.planId());
        switch (s.state()) {
            case DONE -> {
                state.set(s.planId().isEmpty() ? State.NOTHING_TO_DO : State.APPLIED);
                status.set(s.planId().isEmpty() ? Messages.get("production.step.earlierInEffect")
                        : Messages.format("production.step.earlierApplied", s.planId()));
            }
            case SKIPPED -> {
                state.set(State.SKIPPED);
                status.set(Messages.get("production.step.earlierSkipped"));
            }
            case UNDONE -> {
                state.set(State.UNDONE);
                status.set(Messages.format("production.step.earlierUndone", s.planId()));
            }
        }
    }

    /** The plan last previewed, if it is still current. */
    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    /** What each step reads back after applying, one line each, in the language in use. */
    static String values(ApplyResult r) {
        Map<Integer, ApplyResult.StepResult> last = new LinkedHashMap<>();
        r.steps().forEach(sr -> last.put(sr.step().seq(), sr));
        StringBuilder sb = new StringBuilder();
        for (ApplyResult.StepResult sr : last.values()) {
            var change = sr.step().change();
            String v = sr.readBack().isEmpty() ? Messages.get("production.step.notReadBack") : Messages.say(change.showPhrase(sr.readBack()));
            sb.append(Messages.say(change.titlePhrase())).append(" = ").append(v.replace('\n', ' ').strip())
                    .append("   [").append(Messages.get("tuning.outcome." + sr.outcome().name().toLowerCase(java.util.Locale.ROOT))).append("]\n");
        }
        return sb.toString().strip();
    }

    private void failed(String message) {
        busy.set(false);
        state.set(State.FAILED);
        status.set(message);
    }

    private static String message(Exception e) {
        return Messages.problem(e);
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty readBackProperty() {
        return readBack;
    }

    public StringProperty planIdProperty() {
        return planId;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
