package dev.nettune.ui.fleet;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.Transport;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
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
 * The Fleet screen's state and actions, toolkit-free: instances picked by tag, region or saved hosts, a
 * profile, each instance's preview, a rolling run with per-instance progress that Stop cancels, the run's
 * results and its undo; the fleet monitor tab is {@link #monitor()}. Work runs on {@code workers},
 * results land on {@code ui}.
 */
public final class FleetViewModel implements AutoCloseable {
    /** Where instances come from. */
    public enum Source {
        /** Instances of the cloud region carrying a tag (the sandbox region by default). */
        TAG,
        /** Every running instance of the region. */
        REGION,
        /** Saved hosts, ssh-config aliases, user@host[:port] or built-in hosts, comma-separated. */
        HOSTS
    }

    /** One instance in the table: picked or not, its preview and how its run went. */
    public static final class MemberRow {
        public final FleetInstance member;
        public final BooleanProperty selected = new SimpleBooleanProperty(true);
        public final StringProperty preview = new SimpleStringProperty("");
        public final StringProperty status = new SimpleStringProperty("");
        public final DoubleProperty progress = new SimpleDoubleProperty(0);
        public final StringProperty reason = new SimpleStringProperty("");
        InstancePreview previewed;

        MemberRow(FleetInstance member) {
            this.member = member;
        }

        public String name() {
            return member.hostName();
        }

        public String reach() {
            return Messages.say(member.reach().displayPhrase());
        }
    }

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.TAG);
    private final StringProperty tag = new SimpleStringProperty("fleet=demo");
    private final StringProperty region = new SimpleStringProperty("");
    /** "sandbox" (the built-in region), empty (the account's own endpoint) or an OpenAPI endpoint URL. */
    private final StringProperty endpoint = new SimpleStringProperty("sandbox");
    private final StringProperty account = new SimpleStringProperty("");
    private final ObjectProperty<Transport> via = new SimpleObjectProperty<>(Transport.CLOUD_ASSISTANT);
    private final StringProperty hosts = new SimpleStringProperty("sandbox");
    /** Over SSH: which address of an instance, as whom (empty: root), through which bastion (empty: ~/.ssh/config's ProxyJump). */
    private final ObjectProperty<InstanceAddress> address = new SimpleObjectProperty<>(InstanceAddress.PRIVATE);
    private final StringProperty sshUser = new SimpleStringProperty("");
    private final StringProperty bastion = new SimpleStringProperty("");
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final IntegerProperty parallel = new SimpleIntegerProperty(4);
    private final IntegerProperty canary = new SimpleIntegerProperty(1);
    private final IntegerProperty maxFailures = new SimpleIntegerProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty previewed = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(Messages.get("fleet.status.start"));
    private final StringProperty lastRun = new SimpleStringProperty("");
    /** The newest apply run that did not finish (UNFINISHED or CANCELLED), which Resume continues; empty when none. */
    private final StringProperty resumableRun = new SimpleStringProperty("");

    private final FleetService fleet;
    private final Executor workers;
    private final Executor ui;
    private final HostOptions options;
    private volatile Cancellation cancel = new Cancellation();
    private final FleetMonitorModel monitor;

    public FleetViewModel(FleetService fleet, HostOptions options, Executor workers, Executor ui,
                          ScheduledExecutorService scheduler, LongSupplier clock) {
        this.fleet = fleet;
        this.options = options;
        this.workers = workers;
        this.ui = ui;
        this.monitor = new FleetMonitorModel(fleet, options, workers, ui, scheduler, clock);
        profile.addListener((o, a, b) -> forgetPreview());
    }

    /** Reads the profiles (names, built-in first) off the FX thread, and looks for a run to resume. */
    public void loadProfiles() {
        workers.execute(() -> {
            List<Profile> all = fleet.profiles();
            ui.execute(() -> {
                profiles.setAll(all);
                if (profile.get() == null && !all.isEmpty()) {
                    profile.set(all.get(0));
                }
            });
        });
        findUnfinished();
    }

    /** Looks (off the FX thread) for the newest apply run that did not finish, so that Resume can offer it. */
    public void findUnfinished() {
        workers.execute(() -> {
            try {
                Optional<FleetRun> r = fleet.runs().stream().filter(x -> x.kind().equals("apply") && x.status().resumable())
                        .findFirst();
                ui.execute(() -> {
                    resumableRun.set(r.map(FleetRun::id).orElse(""));
                    if (r.isPresent() && !busy.get()) {
                        status.set(unfinished(r.get()));
                    }
                });
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private static String unfinished(FleetRun r) {
        long done = r.instances().stream().filter(i -> i.status().failure() || i.status() == InstanceStatus.APPLIED).count();
        long inFlight = r.count(InstanceStatus.IN_FLIGHT);
        return Messages.format("fleet.status.unfinished", r.id(), String.valueOf(r.status()), done, inFlight,
                r.instances().size() - done - inFlight);
    }

    /**
     * Continues the run that did not finish: its instances fill the table with their journaled state; done ones
     * stay as they are, one in flight is read again and finished or rolled back, the rest run now.
     */
    public void resume() {
        String id = resumableRun.get();
        if (busy.get()) {
            return;
        }
        if (id == null || id.isBlank()) {
            status.set(Messages.get("fleet.status.nothingToResume"));
            return;
        }
        Cancellation c = newCancel();
        start(Messages.format("fleet.status.resuming", id));
        workers.execute(() -> {
            try {
                FleetRun was = fleet.run(id).orElseThrow(() -> new IllegalArgumentException(Messages.format("fleet.status.noSuchRun", id)));
                List<MemberRow> rows = new ArrayList<>();
                long left = 0;
                for (FleetInstanceResult r : was.instances()) {
                    MemberRow row = new MemberRow(r.instance());
                    row.status.set(r.status().name());
                    row.reason.set(Messages.say(r.why()));
                    boolean done = r.status().failure() || r.status() == InstanceStatus.APPLIED;
                    row.progress.set(done ? 1 : 0);
                    left += done ? 0 : 1;
                    rows.add(row);
                }
                ui.execute(() -> {
                    members.setAll(rows);
                    forgetPreview();
                });
                FleetRun run = fleet.resume(id, options, listener(index(rows), (int) left), c);
                ui.execute(() -> {
                    lastRun.set(run.id());
                    resumableRun.set(run.status().resumable() ? run.id() : "");
                    finish(Messages.format("fleet.status.resumed", run.id(), runStatus(run), Messages.say(run.summaryPhrase())));
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** Finds the instances (by tag, region or hosts) and lists them, each picked. */
    public void load() {
        Source s = source.get();
        String tagText = tag.get();
        String hostText = hosts.get();
        Transport how = via.get();
        InstanceAddress addressKind = address.get() == null ? InstanceAddress.PRIVATE : address.get();
        String user = sshUser.get() == null ? "" : sshUser.get().strip();
        String jump = bastion.get() == null ? "" : bastion.get().strip();
        FleetService.CloudAccess access = access();
        start(Messages.get("fleet.status.finding"));
        workers.execute(() -> {
            try {
                List<FleetInstance> found;
                if (s == Source.HOSTS) {
                    List<FleetTarget> targets = hostText.isBlank() ? List.of() : FleetTarget.parseList(hostText, FleetTarget.Kind.HOST);
                    if (targets.isEmpty()) {
                        throw new IllegalArgumentException(Messages.get("fleet.status.nameHosts"));
                    }
                    found = fleet.hosts(targets, options);
                } else {
                    FleetService.InstanceQuery q = s == Source.TAG ? FleetService.InstanceQuery.Tag.parse(tagText)
                            : new FleetService.InstanceQuery.Region();
                    // The SSH fields say nothing for Cloud Assistant, which needs no address, login or bastion.
                    FleetService.SshReach reach = how == Transport.SSH ? new FleetService.SshReach(addressKind,
                            Optional.of(user).filter(u -> !u.isEmpty()), Optional.of(jump).filter(j -> !j.isEmpty()))
                            : FleetService.SshReach.defaults();
                    found = fleet.instances(access, q, how, options, reach);
                }
                Map<String, dev.nettune.Phrase> offline = s == Source.HOSTS ? Map.of() : fleet.cloudAssistantOffline(found);
                ui.execute(() -> {
                    List<MemberRow> rows = new ArrayList<>();
                    for (FleetInstance m : found) {
                        MemberRow r = new MemberRow(m);
                        dev.nettune.Phrase why = offline.get(m.hostName());
                        if (why != null) {
                            r.selected.set(false);
                            r.reason.set(Messages.say(why));
                        }
                        rows.add(r);
                    }
                    members.setAll(rows);
                    forgetPreview();
                    finish(offline.isEmpty() ? Messages.format("fleet.status.found", found.size())
                            : Messages.format("fleet.status.foundOffline", found.size(), offline.size()));
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    private FleetService.CloudAccess access() {
        return new FleetService.CloudAccess(Optional.of(account.get().strip()), Optional.of(region.get().strip()),
                Optional.of(endpoint.get().strip()));
    }

    /** The picked instances, in the table's order (the first is the canary). */
    public List<MemberRow> picked() {
        return members.stream().filter(r -> r.selected.get()).toList();
    }

    /** Reads each picked instance's plan for the profile in parallel and shows what differs. */
    public void preview() {
        List<MemberRow> rows = picked();
        Profile p = profile.get();
        if (!ready(rows, p)) {
            return;
        }
        Map<String, MemberRow> byName = index(rows);
        int par = parallel.get();
        Cancellation c = newCancel();
        rows.forEach(r -> {
            r.preview.set(Messages.get("fleet.row.reading"));
            r.status.set("");
            r.progress.set(0);
            r.previewed = null;
        });
        start(Messages.format("fleet.status.readingPlans", rows.size()));
        workers.execute(() -> {
            try {
                List<InstancePreview> result = fleet.preview(rows.stream().map(r -> r.member).toList(), p, par, options, c,
                        each -> ui.execute(() -> {
                            MemberRow r = byName.get(each.instance().hostName());
                            if (r != null) {
                                r.previewed = each;
                                r.preview.set(Messages.say(each.summaryPhrase()));
                            }
                        }));
                long differ = result.stream().filter(InstancePreview::differs).count();
                ui.execute(() -> {
                    for (InstancePreview each : result) {
                        MemberRow r = byName.get(each.instance().hostName());
                        if (r != null) {
                            r.previewed = each;
                            r.preview.set(Messages.say(each.summaryPhrase()));
                        }
                    }
                    previewed.set(!c.isCancelled());
                    finish(c.isCancelled() ? Messages.get("fleet.status.previewStopped")
                            : Messages.format("fleet.status.differ", differ, result.size(), dev.nettune.ui.common.ProfileNames.shown(p)));
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** Rolls the profile out to the picked instances (canary first, then batches) with per-instance progress. */
    public void apply() {
        List<MemberRow> rows = picked();
        Profile p = profile.get();
        if (!ready(rows, p)) {
            return;
        }
        RolloutPolicy policy;
        try {
            policy = new RolloutPolicy(canary.get(), parallel.get(), maxFailures.get());
        } catch (RuntimeException e) {
            status.set(Messages.problem(e));
            return;
        }
        List<InstancePreview> previews = rows.stream().map(r -> r.previewed).filter(java.util.Objects::nonNull).toList();
        Cancellation c = newCancel();
        Map<String, MemberRow> byName = index(rows);
        rows.forEach(r -> {
            r.status.set(Messages.get("fleet.status.pending"));
            r.progress.set(0);
            r.reason.set("");
        });
        start(Messages.format("fleet.status.applying", dev.nettune.ui.common.ProfileNames.shown(p), String.valueOf(rows.size())));
        workers.execute(() -> {
            try {
                List<FleetInstance> picked = rows.stream().map(r -> r.member).toList();
                // Preflight: an agent that went offline since the list was loaded is skipped, never found mid-rollout.
                Map<String, dev.nettune.Phrase> offline = fleet.cloudAssistantOffline(picked);
                FleetRun run = fleet.apply(p, picked, policy, previews.size() == rows.size() ? previews : List.of(), offline, options,
                        listener(byName, rows.size()), c);
                ui.execute(() -> {
                    lastRun.set(run.id());
                    if (run.status().resumable()) {
                        resumableRun.set(run.id());
                    }
                    forgetPreview();
                    finish(Messages.format("fleet.status.ran", run.id(), runStatus(run), Messages.say(run.summaryPhrase())));
                });
            } catch (Exception e) {
                fail(e);
                // A run that broke off is left UNFINISHED in the journal: offer to resume it.
                findUnfinished();
            }
        });
    }

    /** Puts back every change of the last run, each instance reached as the run reached it. */
    public void undo() {
        String id = lastRun.get();
        if (id == null || id.isBlank()) {
            status.set(Messages.get("fleet.status.nothingToUndo"));
            return;
        }
        Cancellation c = newCancel();
        Map<String, MemberRow> byName = index(members);
        start(Messages.format("fleet.status.undoing", id));
        int par = parallel.get();
        workers.execute(() -> {
            try {
                FleetRun run = fleet.undo(id, par, options, listener(byName, byName.size()), c);
                ui.execute(() -> {
                    forgetPreview();
                    finish(Messages.format("fleet.status.undone", run.id(), id, runStatus(run), Messages.say(run.summaryPhrase())));
                    if (run.succeeded()) {
                        lastRun.set("");
                    }
                });
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** Stops starting new instances (and steps); what runs finishes or rolls back. */
    public void stop() {
        cancel.cancel();
        status.set(Messages.get("fleet.status.stopping"));
    }

    private FleetListener listener(Map<String, MemberRow> byName, int total) {
        int[] done = {0};
        return new FleetListener() {
            @Override
            public void instanceStarted(FleetInstance instance, boolean isCanary) {
                ui.execute(() -> row(instance).ifPresent(r -> r.status.set(Messages.get(isCanary ? "fleet.status.runningCanary" : "fleet.status.running"))));
            }

            @Override
            public void instanceStep(FleetInstance instance, int seq, int steps, dev.nettune.Phrase title, Journal.Phase phase) {
                ui.execute(() -> row(instance).ifPresent(r -> {
                    r.progress.set(steps == 0 ? 1 : (double) seq / steps);
                    r.reason.set(Messages.format(phase == Journal.Phase.ROLLBACK ? "fleet.status.stepRollback" : "fleet.status.step",
                            String.valueOf(seq), String.valueOf(steps), Messages.say(title)));
                }));
            }

            @Override
            public void instanceMessage(FleetInstance instance, dev.nettune.Phrase text) {
                ui.execute(() -> row(instance).ifPresent(r -> r.reason.set(Messages.say(text))));
            }

            @Override
            public void instanceFinished(FleetInstanceResult result) {
                ui.execute(() -> {
                    row(result.instance()).ifPresent(r -> {
                        r.status.set(result.status().name());
                        r.reason.set(Messages.say(result.why()));
                        r.progress.set(1);
                    });
                    done[0]++;
                    progress.set(total == 0 ? 1 : Math.min(1, (double) done[0] / total));
                });
            }

            private Optional<MemberRow> row(FleetInstance i) {
                return Optional.ofNullable(byName.get(i.hostName()));
            }
        };
    }

    /** Starts the fleet monitor on the picked instances' NIC (see {@link #monitor()}); the rows refresh once a second. */
    public void startMonitor() {
        monitor.start(picked().stream().map(r -> r.member).toList());
    }

    /** The member behind a monitor row (for the drill-down into the single-host Monitor). */
    public Optional<FleetInstance> member(String instance) {
        return members.stream().map(r -> r.member).filter(m -> m.hostName().equals(instance)).findFirst();
    }

    private boolean ready(List<MemberRow> rows, Profile p) {
        if (busy.get()) {
            return false;
        }
        if (rows.isEmpty()) {
            status.set(Messages.get("fleet.status.pickInstances"));
            return false;
        }
        if (p == null) {
            status.set(Messages.get("fleet.status.pickProfile"));
            return false;
        }
        return true;
    }

    private Cancellation newCancel() {
        Cancellation c = new Cancellation();
        cancel = c;
        return c;
    }

    private static Map<String, MemberRow> index(List<MemberRow> rows) {
        Map<String, MemberRow> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.name(), r));
        return m;
    }

    private void forgetPreview() {
        previewed.set(false);
    }

    private void start(String what) {
        busy.set(true);
        progress.set(-1);
        status.set(what);
    }

    private void finish(String what) {
        busy.set(false);
        progress.set(1);
        status.set(what);
    }

    private void fail(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String msg = Messages.problem(e);
        ui.execute(() -> {
            busy.set(false);
            progress.set(0);
            status.set(msg);
        });
    }

    @Override
    public void close() {
        cancel.cancel();
        monitor.stop();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<Transport> viaProperty() {
        return via;
    }

    public StringProperty hostsProperty() {
        return hosts;
    }

    public ObjectProperty<InstanceAddress> addressProperty() {
        return address;
    }

    public StringProperty sshUserProperty() {
        return sshUser;
    }

    public StringProperty bastionProperty() {
        return bastion;
    }

    public ObservableList<MemberRow> members() {
        return members;
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    public IntegerProperty parallelProperty() {
        return parallel;
    }

    public IntegerProperty canaryProperty() {
        return canary;
    }

    public IntegerProperty maxFailuresProperty() {
        return maxFailures;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty previewedProperty() {
        return previewed;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty lastRunProperty() {
        return lastRun;
    }

    public StringProperty resumableRunProperty() {
        return resumableRun;
    }

    /** The fleet monitor tab: its NIC, rows and status. */
    public FleetMonitorModel monitor() {
        return monitor;
    }

    // A run's state as a word of the language in use ("succeeded", "已成功").
    private static String runStatus(FleetRun run) {
        return Messages.get("fleet.runStatus." + run.status().name());
    }
}
