package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.FlowDesign;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.Verdict;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The last host step: verify with traffic that the NIC steers as its live key and table say, through the app's
 * verification service (the designed flows of {@code nettune verify} and the Monitor's Verify tab: k flows per
 * queue, one burst each, PASS only when every burst lands as predicted, with the false-pass probability). A FAIL
 * names its cause, keeps the setup from reading as a success, and offers the re-push of key and table (planned,
 * confirmed, journaled); after a re-push the verification runs again.
 */
public final class VerifyStepModel {
    /** Where the verification stands. */
    public enum Outcome {
        TO_DO, RUNNING, PASS, FAIL, INCONCLUSIVE, NOT_RUN, SKIPPED;

        /** This outcome in the user's language ("not run yet", "PASS" ...). */
        public String label() {
            return Messages.get("production.verify.outcome." + name());
        }
    }

    private final HostWork work;
    private final StringProperty host;
    private final StringProperty nic;
    /** The host that sends the bursts: sandbox for the sandbox host, a host with hping3 otherwise (shared with the preflight). */
    private final StringProperty sender;
    /** The sender's address and the receiver NIC's address, as the flows carry them (the seed's by default). */
    private final StringProperty source = new SimpleStringProperty(dev.nettune.monitor.TestTraffic.SEED_SENDER);
    private final StringProperty destination = new SimpleStringProperty(dev.nettune.monitor.TestTraffic.SEED_RECEIVER);
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.TO_DO);
    /** "FAIL: RSS not active (false-pass probability 1.00e-07)", the line a person reads first. */
    private final StringProperty verdict = new SimpleStringProperty("");
    /** The explanation, one line per burst, where the counts came from; progress while it runs. */
    private final StringProperty detail = new SimpleStringProperty("");
    /** What to do about a FAIL: the cause's advice. */
    private final StringProperty advice = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** The false-pass probability of the last verdict (1 when nothing was designed); NaN before any. */
    private final SimpleObjectProperty<Double> falsePassProbability = new SimpleObjectProperty<>(Double.NaN);
    /** The last FAIL has a fix a re-push of the live key and table makes (RSS not active, the old table, ...). */
    private final BooleanProperty canRepush = new SimpleBooleanProperty(false);
    /** The re-push plan waiting for the user's yes, as text; empty when none waits. */
    private final StringProperty repushPreview = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private volatile Plan pendingRepush;
    private volatile Thread running;
    private Runnable onSettled = () -> { };

    public VerifyStepModel(HostWork work, StringProperty host, StringProperty nic, StringProperty sender) {
        this.work = work;
        this.host = host;
        this.nic = nic;
        this.sender = sender;
        // A verdict is of one host, NIC and sender: another makes it stale.
        for (StringProperty p : new StringProperty[] {host, nic, sender, source, destination}) {
            p.addListener(x -> {
                if (!busy.get() && outcome.get() != Outcome.SKIPPED && outcome.get() != Outcome.TO_DO) {
                    reset(Messages.get("production.verify.stale"));
                }
            });
        }
    }

    public String key() {
        return "verify";
    }

    public String title() {
        return Messages.get("production.verify.title");
    }

    public String why() {
        return Messages.get("production.step.why.verify");
    }

    /** True while the page must not be left: the verification runs, or it has neither a verdict nor been skipped. */
    public BooleanBinding blocksNextProperty() {
        return Bindings.createBooleanBinding(() -> busy.get() || outcome.get() == Outcome.TO_DO || outcome.get() == Outcome.RUNNING,
                busy, outcome);
    }

    /** PASS or skipped: what counts as done for the summary (a FAIL is not). */
    public boolean settled() {
        return outcome.get() == Outcome.PASS || outcome.get() == Outcome.SKIPPED;
    }

    /** The verification did not pass: FAIL, INCONCLUSIVE or could not run. The summary must not read as a success. */
    public boolean unverified() {
        Outcome o = outcome.get();
        return o == Outcome.FAIL || o == Outcome.INCONCLUSIVE || o == Outcome.NOT_RUN;
    }

    public BooleanBinding canRunProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && outcome.get() != Outcome.SKIPPED, busy, outcome);
    }

    void onSettled(Runnable r) {
        onSettled = r;
    }

    /** Runs the designed verification in the background; the verdict lands in {@link #outcome} and {@link #verdict}. */
    public void run() {
        if (busy.get() || outcome.get() == Outcome.SKIPPED) {
            return;
        }
        String h = host.get();
        String n = nic.get();
        String from = sender.get() == null ? "" : sender.get().strip();
        DesignedTraffic traffic;
        try {
            if (from.isEmpty()) {
                throw new IllegalArgumentException(Messages.get("production.verify.nameSender"));
            }
            traffic = DesignedTraffic.sourcePorts(source.get().strip(), destination.get().strip(), 10000, 60000, 80);
        } catch (IllegalArgumentException e) {
            status.set(Messages.problem(e));
            return;
        }
        busy.set(true);
        canRepush.set(false);
        outcome.set(Outcome.RUNNING);
        verdict.set(Messages.get("production.verify.runningVerdict"));
        detail.set("");
        advice.set("");
        status.set(Messages.format("production.verify.verifying", n, h, from));
        work.worker().execute(() -> {
            running = Thread.currentThread();
            try (Host receiver = work.opener().open(h)) {
                TrafficSender ts = work.verification().sender(from, h, n, HostOptions.defaults());
                DesignedResult r = work.verification().designed(receiver, n, ts, traffic, p -> work.ui().accept(() -> detail.set(Messages.say(p))));
                work.ui().accept(() -> show(r, h, n));
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> couldNotRun(message(e)));
            } catch (InterruptedException e) {
                work.ui().accept(() -> {
                    busy.set(false);
                    reset(Messages.get("production.verify.cancelled"));
                });
            } finally {
                running = null;
            }
        });
    }

    /** Stops a running verification (the bursts stop; no verdict). */
    public void cancel() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    private void show(DesignedResult r, String h, String n) {
        busy.set(false);
        Outcome o = switch (r.verdict()) {
            case PASS -> Outcome.PASS;
            case FAIL -> Outcome.FAIL;
            case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
            case NOT_RUN -> Outcome.NOT_RUN;
        };
        String p = r.design().map(FlowDesign::falsePassText).orElse("1");
        falsePassProbability.set(r.falsePassProbability());
        boolean named = r.verdict() == Verdict.FAIL && r.cause() != Explanation.AS_PREDICTED;
        verdict.set(Messages.format("production.verify.verdict", named ? o.label() + ": " + Messages.say(r.cause().labelPhrase()) : o.label(), p));
        StringBuilder sb = new StringBuilder(Messages.say(r.said()));
        r.bursts().forEach(b -> sb.append('\n').append(Messages.format("production.verify.burst", String.valueOf(b.burst().queue()),
                java.util.Arrays.toString(b.excess()))));
        if (!r.counterSource().isEmpty()) {
            sb.append('\n').append(Messages.format("production.verify.countedFrom", Messages.say(r.counted())));
        }
        detail.set(sb.toString());
        advice.set(named ? Messages.say(r.cause().advicePhrase()) : "");
        canRepush.set(r.verdict() == Verdict.FAIL && r.fix().isPresent());
        outcome.set(o);
        status.set(switch (o) {
            case PASS -> Messages.format("production.verify.pass", n, h);
            case FAIL -> Messages.format(canRepush.get() ? "production.verify.failRepush" : "production.verify.fail", n, h);
            case INCONCLUSIVE -> Messages.format("production.verify.inconclusive", destination.get());
            default -> Messages.get("production.verify.couldNotRun");
        });
        onSettled.run();
    }

    private void couldNotRun(String why) {
        busy.set(false);
        outcome.set(Outcome.NOT_RUN);
        falsePassProbability.set(Double.NaN);
        verdict.set(Outcome.NOT_RUN.label().toUpperCase(java.util.Locale.ROOT));
        detail.set(why);
        advice.set("");
        status.set(Messages.get("production.verify.couldNotRun") + " " + why);
        onSettled.run();
    }

    private void reset(String why) {
        outcome.set(Outcome.TO_DO);
        verdict.set("");
        detail.set("");
        advice.set("");
        canRepush.set(false);
        falsePassProbability.set(Double.NaN);
        status.set(why);
    }

    /** Plans the re-push of the NIC's live key and table in the background; its preview waits for the user's yes. */
    public void previewRepush() {
        if (!canRepush.get() || busy.get()) {
            return;
        }
        String h = host.get();
        String n = nic.get();
        busy.set(true);
        status.set(Messages.format("production.verify.planningRepush", n, h));
        work.worker().execute(() -> {
            try (Host receiver = work.opener().open(h)) {
                Plan plan = work.verification().planRepush(receiver, n);
                work.ui().accept(() -> {
                    busy.set(false);
                    pendingRepush = plan;
                    repushPreview.set(PlanPreview.text(plan, Messages.locale()));
                    status.set(Messages.format("production.verify.reviewRepush", n, h));
                });
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> {
                    busy.set(false);
                    status.set(Messages.format("production.verify.cannotPlanRepush", message(e)));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Applies the re-push the user confirmed (journaled with the boot id, read back, undoable); then verify again. */
    public void confirmRepush() {
        Plan plan = pendingRepush;
        pendingRepush = null;
        repushPreview.set("");
        if (plan == null) {
            return;
        }
        String h = host.get();
        String n = nic.get();
        busy.set(true);
        status.set(Messages.format("production.verify.repushing", n, h));
        work.worker().execute(() -> {
            try (Host receiver = work.opener().open(h)) {
                ApplyResult r = work.verification().repush(receiver, plan, ApplyListener.NONE);
                work.ui().accept(() -> {
                    busy.set(false);
                    if (r.status() == Journal.PlanStatus.APPLIED) {
                        reset(Messages.format("production.verify.repushed", n, h, String.valueOf(r.planId())));
                    } else {
                        status.set(Messages.format("production.verify.repushNotApplied", Messages.say(r.messagePhrase())));
                    }
                });
            } catch (HostException | RuntimeException e) {
                work.ui().accept(() -> {
                    busy.set(false);
                    status.set(Messages.format("production.verify.repushFailed", message(e)));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Drops the re-push waiting for the user's yes: nothing runs. */
    public void dropRepush() {
        pendingRepush = null;
        repushPreview.set("");
        status.set(Messages.get("production.verify.repushDropped"));
    }

    /** Leaves the NIC unverified by choice; the wizard moves on. */
    public void skip() {
        if (busy.get()) {
            return;
        }
        outcome.set(Outcome.SKIPPED);
        canRepush.set(false);
        status.set(Messages.format("production.verify.skipped", nic.get()));
        onSettled.run();
    }

    /** Takes back a skip. */
    public void unskip() {
        if (outcome.get() == Outcome.SKIPPED) {
            reset("");
            onSettled.run();
        }
    }

    /** The state kept between launches: a PASS or a skip; a verdict that did not pass is to be verified again. */
    dev.nettune.app.SetupProgress.Step saved() {
        return switch (outcome.get()) {
            case PASS -> new dev.nettune.app.SetupProgress.Step(dev.nettune.app.SetupProgress.State.DONE, "");
            case SKIPPED -> new dev.nettune.app.SetupProgress.Step(dev.nettune.app.SetupProgress.State.SKIPPED, "");
            default -> null;
        };
    }

    /** Restores what an earlier session saved. */
    void restore(dev.nettune.app.SetupProgress.Step s) {
        if (s.state() == dev.nettune.app.SetupProgress.State.DONE) {
            outcome.set(Outcome.PASS);
            verdict.set(Messages.get("production.verify.earlierPass"));
            status.set(Messages.get("production.verify.earlierVerified"));
        } else if (s.state() == dev.nettune.app.SetupProgress.State.SKIPPED) {
            outcome.set(Outcome.SKIPPED);
            status.set(Messages.get("production.verify.earlierSkipped"));
        }
    }

    /** "Verify RSS with traffic: FAIL: RSS not active", the summary's line. */
    public String summary() {
        Outcome o = outcome.get();
        return title() + ": " + (o == Outcome.PASS || o == Outcome.FAIL || o == Outcome.INCONCLUSIVE || o == Outcome.NOT_RUN
                ? verdict.get() : o.label());
    }

    private static String message(Exception e) {
        return Messages.problem(e);
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public StringProperty senderProperty() {
        return sender;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    public StringProperty adviceProperty() {
        return advice;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public SimpleObjectProperty<Double> falsePassProbabilityProperty() {
        return falsePassProbability;
    }

    public BooleanProperty canRepushProperty() {
        return canRepush;
    }

    public StringProperty repushPreviewProperty() {
        return repushPreview;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
