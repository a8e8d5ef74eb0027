package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.app.SetupProgress;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.SecurityGroup;
import dev.nettune.linux.NicName;
import dev.nettune.ui.cloud.CloudSession;
import dev.nettune.ui.cloud.PlanRunModel;
import dev.nettune.ui.cloud.eni.SecondaryEniWizardModel;
import dev.nettune.ui.common.TaskRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guided "Set up an instance for production" flow's state, shared by all its pages: the cloud part
 * is the secondary-ENI wizard's model and plan (instance, ENI, timeouts, custom RSS, security-group
 * rule, EIP; one journaled cloud plan), the host part is one {@link HostStepModel} per seed step on
 * the chosen host and NIC. How far it got is saved after every step, so the flow can be left and
 * resumed, with Undo still working for the steps done before.
 */
public final class ProductionWizardModel {
    /** The cloud part's key in the saved progress. */
    static final String CLOUD = "cloud";

    private final CloudSession session;
    private final SecondaryEniWizardModel cloud;
    private final HostWork work;
    private final SetupProgress progress;
    /** Run the cloud part (ENI, rule, EIP, timeouts, RSS) in this flow; off when it was done before or elsewhere. */
    private final BooleanProperty runCloud = new SimpleBooleanProperty(true);
    /** Skipped by the user, as opposed to not yet run. */
    private final BooleanProperty cloudSkipped = new SimpleBooleanProperty(false);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty nic = new SimpleStringProperty("eth1");
    /** The host that sends the verification's bursts: sandbox for the sandbox host, a host with hping3 for a real one. */
    private final StringProperty sender = new SimpleStringProperty("");
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    /** What was left unfinished last time, shown on the first page. */
    private final StringProperty resumeNote = new SimpleStringProperty("");
    private final BooleanProperty canResume = new SimpleBooleanProperty(false);
    /** The cloud plan this flow ran (or an earlier session of it), for the summary and Undo. */
    private final StringProperty cloudPlanId = new SimpleStringProperty("");
    public final TimeWaitStepModel timeWait;
    public final SmcStepModel smc;
    public final XpsStepModel xps;
    public final NetworkManagerStepModel networkManager;
    public final IrqStepModel irq;
    public final RssStepModel rss;
    public final PersistenceStepModel persistence;
    /** Verify with traffic, after the RSS push: not a tuning step (it changes nothing unless a re-push is confirmed). */
    public final VerifyStepModel verify;
    private final List<HostStepModel> steps;
    private final StringBinding hostProblem;
    private final StringBinding progressText;
    private final StringBinding progressLine;
    private Optional<SetupProgress.Saved> saved;

    public ProductionWizardModel(CloudSession session, TaskRunner tasks, List<CloudInstance> instances, List<NetworkInterface> enis,
            List<SecurityGroup> groups, List<ElasticIp> eips, CloudInstance preselected, HostWork work, SetupProgress progress) {
        this.session = session;
        this.work = work;
        this.progress = progress;
        this.cloud = new SecondaryEniWizardModel(session, tasks, instances, enis, groups, eips, preselected);
        hosts.setAll(work.hosts());
        // The sandbox region's instance is the sandbox host; on a real account the user picks the host (ssh alias, user@ip).
        host.set(session.sandbox() && hosts.contains("sandbox") ? "sandbox" : hosts.stream().filter(h -> !"sandbox".equals(h)
                && !"local".equals(h)).findFirst().orElse(hosts.isEmpty() ? "" : hosts.get(0)));
        timeWait = new TimeWaitStepModel(work, host, nic);
        smc = new SmcStepModel(work, host, nic);
        xps = new XpsStepModel(work, host, nic);
        networkManager = new NetworkManagerStepModel(work, host, nic);
        irq = new IrqStepModel(work, host, nic);
        // The sandbox sender reaches only the sandbox host; a real host needs a real sender with hping3.
        sender.set("sandbox".equals(host.get()) ? "sandbox" : "");
        host.addListener((o, was, is) -> {
            if ("sandbox".equals(is) && (sender.get().isBlank())) {
                sender.set("sandbox");
            } else if (!"sandbox".equals(is) && "sandbox".equals(sender.get())) {
                sender.set("");
            }
        });
        rss = new RssStepModel(work, host, nic, sender);
        verify = new VerifyStepModel(work, host, nic, sender);
        verify.onSettled(this::save);
        // The sender a preflight checked is remembered with the progress, so a resumed setup verifies from the same host.
        rss.preflightProperty().addListener((o, was, is) -> {
            if (is == RssStepModel.Preflight.PASSED || is == RssStepModel.Preflight.FAILED) {
                save();
            }
        });
        // Channels before XPS: a channel change on virtio-net re-spreads XPS (and IRQ affinity) itself, undoing an earlier XPS step.
        List<HostStepModel> before = List.of(timeWait, smc, irq, xps, networkManager, rss);
        persistence = new PersistenceStepModel(work, host, nic, () -> before);
        steps = List.of(timeWait, smc, irq, xps, networkManager, rss, persistence);
        for (HostStepModel s : steps) {
            s.onSettled(this::save);
        }
        // The persistence step persists what the others applied: its form check follows their states.
        before.forEach(s -> s.stateProperty().addListener(x -> persistence.problemProperty().invalidate()));
        cloud.runner().succeededProperty().addListener((o, was, is) -> {
            if (is) {
                cloudPlanId.set(cloud.runner().planId());
                save();
            }
        });
        hostProblem = Bindings.createStringBinding(() -> host.get() == null || host.get().isBlank()
                ? Messages.get("production.host.choose")
                : !NicName.isValid(nic.get()) ? Messages.format("production.host.badNic", nic.get()) : "", host, nic);
        Observable[] deps = new Observable[steps.size() + 3];
        for (int i = 0; i < steps.size(); i++) {
            deps[i] = steps.get(i).stateProperty();
        }
        deps[steps.size()] = cloudPlanId;
        deps[steps.size() + 1] = cloudSkipped;
        deps[steps.size() + 2] = verify.outcomeProperty();
        progressText = Bindings.createStringBinding(this::describeProgress, deps);
        progressLine = Bindings.createStringBinding(() -> Messages.format("production.progress.line", settledCount(), stepCount())
                + describeProgress().replace("\n", " \u00b7 "), deps);
        saved = progress.load().filter(s -> s.steps().size() > 0);
        saved.ifPresent(s -> {
            canResume.set(true);
            String where = (s.host().isEmpty() ? "" : Messages.format("production.resume.onHost", s.host()))
                    + (s.instance().isEmpty() ? "" : " (" + s.instance() + ")");
            resumeNote.set(s.settled() >= stepCount() ? Messages.format("production.resume.allSettled", where)
                    : Messages.format("production.resume.unfinished", s.settled(), stepCount(), where));
        });
    }

    /** The steps of the host part, in order. */
    public List<HostStepModel> hostSteps() {
        return steps;
    }

    /** The cloud part's pages share the secondary-ENI wizard's model. */
    public SecondaryEniWizardModel cloud() {
        return cloud;
    }

    public PlanRunModel cloudRun() {
        return cloud.runner();
    }

    public CloudSession session() {
        return session;
    }

    public StringBinding hostProblemProperty() {
        return hostProblem;
    }

    /** "Cloud: done (plan …) · TIME-WAIT: applied · SMC: skipped · …", one line per step. */
    public StringBinding progressTextProperty() {
        return progressText;
    }

    /** The same on one wrapped line, for the host step pages (short enough for a 700 px high screen). */
    public StringBinding progressLineProperty() {
        return progressLine;
    }

    /** How many of the steps (the cloud part and each host step) are settled. */
    public long settledCount() {
        return steps.stream().filter(HostStepModel::settled).count() + (cloudSettled() ? 1 : 0) + (verify.settled() ? 1 : 0);
    }

    /** The cloud part, each host step and the verification. */
    public int stepCount() {
        return steps.size() + 2;
    }

    /** The RSS verification failed, was inconclusive or could not run: the setup must not read as a success. */
    public boolean unverified() {
        return verify.unverified();
    }

    /** The user skipped the verification: the setup may be done, but it must not read as verified. */
    public boolean verificationSkipped() {
        return verify.outcomeProperty().get() == VerifyStepModel.Outcome.SKIPPED;
    }

    private boolean cloudSettled() {
        return !cloudPlanId.get().isEmpty() || cloudSkipped.get();
    }

    private String describeProgress() {
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.get("production.progress.cloud")).append(": ").append(!cloudPlanId.get().isEmpty()
                ? Messages.format("production.progress.cloudDone", cloudPlanId.get())
                : Messages.get(cloudSkipped.get() ? "production.progress.cloudSkipped" : "production.progress.cloudToDo"));
        for (HostStepModel s : steps) {
            sb.append('\n').append(s.title()).append(": ").append(s.stateProperty().get().label())
                    .append(s.planIdProperty().get().isEmpty() || s.stateProperty().get() == HostStepModel.State.SKIPPED ? ""
                            : Messages.format("production.progress.plan", s.planIdProperty().get()));
            if (s == rss) {
                // Verified right after the push, before it is persisted: the summary keeps the flow's order.
                sb.append('\n').append(verify.summary());
            }
        }
        return sb.toString();
    }

    /** The cloud part is skipped: the flow goes straight to the host. */
    public void skipCloud(boolean skip) {
        runCloud.set(!skip);
        cloudSkipped.set(skip);
        save();
    }

    /** Restores the saved progress: settled steps keep their state and plan ids, the host and NIC come back. */
    public void resume() {
        saved.ifPresent(s -> {
            if (!s.host().isEmpty()) {
                host.set(s.host());
            }
            if (!s.nic().isEmpty()) {
                nic.set(s.nic());
            }
            // After the host: choosing a host resets a sandbox sender, and a real host's sender is not guessed again.
            if (!s.sender().isEmpty()) {
                sender.set(s.sender());
            }
            SetupProgress.Step c = s.steps().get(CLOUD);
            if (c != null) {
                cloudPlanId.set(c.state() == SetupProgress.State.DONE ? c.planId() : "");
                // Done or skipped before: not run again (an unfinished cloud plan is resumed from the Journal).
                runCloud.set(false);
                cloudSkipped.set(c.state() == SetupProgress.State.SKIPPED);
            }
            for (HostStepModel step : steps) {
                SetupProgress.Step st = s.steps().get(step.key());
                if (st != null) {
                    step.restore(st);
                }
            }
            SetupProgress.Step v = s.steps().get(verify.key());
            if (v != null) {
                verify.restore(v);
            }
        });
        canResume.set(false);
        resumeNote.set(Messages.format("production.resume.resumed", settledCount(), stepCount()));
    }

    /** Forgets the saved progress and starts afresh. */
    public void startAfresh() {
        progress.clear();
        saved = Optional.empty();
        canResume.set(false);
        resumeNote.set("");
    }

    /** Saves how far the flow got; called after every step that settles. */
    void save() {
        Map<String, SetupProgress.Step> m = new LinkedHashMap<>();
        if (!cloudPlanId.get().isEmpty()) {
            m.put(CLOUD, new SetupProgress.Step(SetupProgress.State.DONE, cloudPlanId.get()));
        } else if (cloudSkipped.get()) {
            m.put(CLOUD, new SetupProgress.Step(SetupProgress.State.SKIPPED, ""));
        }
        for (HostStepModel s : steps) {
            SetupProgress.Step st = s.saved();
            if (st != null) {
                m.put(s.key(), st);
            }
        }
        SetupProgress.Step v = verify.saved();
        if (v != null) {
            m.put(verify.key(), v);
        }
        String instance = cloud.instanceProperty().get() == null ? "" : cloud.instanceProperty().get().id().toString();
        progress.save(new SetupProgress.Saved(instance, host.get(), nic.get(), sender.get(), m));
    }

    /**
     * The flow is finished: its progress is no longer needed to resume (the journal keeps every plan); a setup whose
     * RSS verification did not pass is kept, so that the next start offers to resume it and verify again.
     */
    public void finish() {
        if (unverified()) {
            save();
        } else {
            progress.clear();
        }
    }

    public HostWork work() {
        return work;
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public BooleanProperty runCloudProperty() {
        return runCloud;
    }

    public BooleanProperty cloudSkippedProperty() {
        return cloudSkipped;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty senderProperty() {
        return sender;
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public StringProperty resumeNoteProperty() {
        return resumeNote;
    }

    public BooleanProperty canResumeProperty() {
        return canResume;
    }

    public StringProperty cloudPlanIdProperty() {
        return cloudPlanId;
    }
}
