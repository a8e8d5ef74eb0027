package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandFailedException;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.Reading;
import dev.nettune.tuning.Journal.Outcome;
import dev.nettune.tuning.Journal.Phase;
import dev.nettune.tuning.Journal.PlanStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a plan step by step: journals each step's "before" (committed) before anything runs,
 * runs its actions, reads the value back and journals the "after". A failure, a read-back that
 * differs or a cancel stops the plan and rolls the done steps back in reverse, journaled too. A
 * step that can cut the session is applied commit-confirmed: a revert is armed on the host first
 * and disarmed only over a fresh connection.
 */
public final class TuningEngine {
    /** The kernel's id of the current boot: it changes on every boot, unlike uptime it cannot be confused by a clock. */
    public static final String BOOT_ID = "/proc/sys/kernel/random/boot_id";
    private final Journal journal;

    public TuningEngine(Journal journal) {
        this.journal = journal;
    }

    public Journal journal() {
        return journal;
    }

    /** Applies {@code plan} as a plain apply. */
    public ApplyResult apply(Host host, Plan plan, ApplyOptions options, ApplyListener listener, Cancellation cancel)
            throws InterruptedException {
        return apply(host, plan, "apply", Optional.empty(), options, listener, cancel);
    }

    /** Applies {@code plan}; {@code kind} and {@code undoes} say what it is for in the journal. */
    public ApplyResult apply(Host host, Plan plan, String kind, Optional<String> undoes, ApplyOptions options,
                             ApplyListener listener, Cancellation cancel) throws InterruptedException {
        return apply(host, plan, kind, undoes, List.of(), options, listener, cancel);
    }

    /**
     * Applies {@code plan} holding the host's tuning lock ({@link HostLock}) from before the first read to
     * after the last step. Under the lock, every step's "before" is read again (a plan made while another
     * run changed the host is refused), and {@code strayFiles} (temporary files a killed run left) are
     * removed before the first step.
     *
     * @throws TuningLockedException when another run holds the lock; nothing is journaled or changed
     */
    public ApplyResult apply(Host host, Plan plan, String kind, Optional<String> undoes, List<String> strayFiles,
                             ApplyOptions options, ApplyListener listener, Cancellation cancel)
            throws InterruptedException {
        if (!plan.applicable()) {
            throw new TuningInputException(Phrase.of("tuning.run.notApplicable", "This plan cannot be applied: {0}",
                    Phrase.joined(" ", plan.problemPhrases())));
        }
        if (plan.needsCommitConfirmed() && options.connector().isEmpty()) {
            throw new TuningInputException(Phrase.of("tuning.run.needsConnector", "This plan changes the NIC that carries the"
                    + " connection; it needs a way to open a fresh connection to confirm the change."));
        }
        HostLock lock = HostLock.takeLocal(journal, plan.host(), plan.id(), undoes, options.lockStaleAfter());
        try {
            // Journaled before the host lock is taken: a run killed while holding it is known here and can resume it.
            journal.planStarted(plan, kind, undoes);
            try {
                lock.takeOnHost(host, options.lockStaleAfter());
                checkBefore(host, plan);
            } catch (HostException e) {
                Phrase msg = Phrase.of("tuning.run.lockFailed", "Cannot take the tuning lock on {0}: {1} Nothing was changed.",
                        plan.host(), Phrase.from(e));
                journal.planFinished(plan.id(), PlanStatus.REFUSED, msg);
                throw new TuningLockedException(msg);
            } catch (TuningLockedException e) {
                journal.planFinished(plan.id(), PlanStatus.REFUSED, e.phrase());
                throw e;
            } catch (TuningInputException e) {
                journal.planFinished(plan.id(), PlanStatus.REFUSED, e.phrase());
                throw e;
            }
            removeStrays(host, strayFiles, options, listener);
            Run run = new Run(host, plan, options, listener, cancel, lock);
            return run.go();
        } finally {
            lock.release();
        }
    }

    /** Refuses a plan whose "before" values the host no longer has (another run, or a person, changed them). */
    private static void checkBefore(Host host, Plan plan) throws HostException, InterruptedException {
        if (plan.steps().isEmpty()) {
            return;
        }
        // Steps after a channel change were planned from the state that change leaves (ChannelRules): not readable yet.
        List<Step> checked = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (s.change() instanceof ChannelChange) {
                break;
            }
            checked.add(s);
        }
        List<Reading<String>> now;
        now = Planner.readAll(host, checked.stream().map(Step::change).toList());
        List<Phrase> moved = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Step s = checked.get(i);
            Reading<String> r = now.get(i);
            if (r.isKnown() && !s.change().satisfies(r.asOptional().get(), s.before())) {
                moved.add(Phrase.of("tuning.run.movedStep", "{0} is now {1}, planned from {2}", s.change().titlePhrase(),
                        oneLine(s.change().show(r.asOptional().get())), oneLine(s.change().show(s.before()))));
            }
        }
        if (!moved.isEmpty()) {
            throw new TuningInputException(Phrase.of("tuning.run.hostChanged", "The host changed since this plan was made ({0})."
                    + " Nothing was changed: plan again.", Phrase.joined("; ", moved)));
        }
    }

    private static void removeStrays(Host host, List<String> strayFiles, ApplyOptions options, ApplyListener listener)
            throws InterruptedException {
        for (String f : strayFiles) {
            try {
                CommandResult r = host.run(Command.of("rm", "-f", Action.checkPath(f)).asRoot(), options.commandTimeout());
                if (!r.ok()) {
                    listener.message(Phrase.of("tuning.run.strayNotRemoved", "Could not remove the temporary file {0}: {1}", f,
                            r.stderr().strip()));
                }
            } catch (HostException e) {
                listener.message(Phrase.of("tuning.run.strayNotRemoved", "Could not remove the temporary file {0}: {1}", f,
                        Phrase.from(e)));
            }
        }
    }

    /** One apply in progress: the current connection, the steps done and their results. */
    private final class Run {
        private Host host;
        private final Host original;
        private final List<Host> opened = new ArrayList<>();
        private final Plan plan;
        private final ApplyOptions options;
        private final ApplyListener listener;
        private final Cancellation cancel;
        private final List<Step> done = new ArrayList<>();
        private final List<ApplyResult.StepResult> results = new ArrayList<>();
        private final HostLock lock;
        private int reconnects;

        Run(Host host, Plan plan, ApplyOptions options, ApplyListener listener, Cancellation cancel, HostLock lock) {
            this.lock = lock;
            this.host = host;
            this.original = host;
            this.plan = plan;
            this.options = options;
            this.listener = listener;
            this.cancel = cancel;
        }

        ApplyResult go() throws InterruptedException {
            if (plan.steps().isEmpty()) {
                return finish(PlanStatus.APPLIED, nothingToDoPhrase(plan));
            }
            int total = plan.steps().size();
            for (Step step : plan.steps()) {
                if (cancel.isCancelled()) {
                    return rollBack(null, Phrase.of("tuning.run.cancelled", "Cancelled after {0} of {1} steps.", done.size(), total));
                }
                listener.stepStarted(step, total, Phase.APPLY);
                long entry = journal.stepStarted(plan.id(), step.seq(), Phase.APPLY, plan.host(), step.change(),
                        step.before(), step.after(), describe(step.actions()));
                ArmedRevert armed = null;
                try {
                    if (step.commitConfirmed()) {
                        armed = ArmedRevert.forStep(plan, step, done, options.confirmTimeout());
                        runActions(host, armed.armActions());
                        listener.message(Phrase.of("tuning.run.armed", "Armed {0}: the host reverts by itself in {1} s unless"
                                + " NetTune confirms a new connection.", armed.unit(), options.confirmTimeout().toSeconds()));
                    }
                    runActions(host, step.actions());
                    Reading<String> back = Planner.read(host, step.change());
                    if (!back.isKnown() || !step.change().satisfies(back.asOptional().get(), step.after())) {
                        Phrase msg = Phrase.of("tuning.run.mismatch", "Read back {0} but expected {1}.", shown(back),
                                oneLine(step.after()));
                        journal.stepFinished(entry, Outcome.MISMATCH, back.asOptional(), msg);
                        record(step, Phase.APPLY, Outcome.MISMATCH, back.show(), msg);
                        return rollBack(step, titled(step, msg), armed);
                    }
                    if (armed != null) {
                        Optional<Host> fresh = confirm(step, armed);
                        if (fresh.isEmpty()) {
                            Phrase msg = Phrase.of("tuning.run.noNewConnection", "No new connection could be opened after the"
                                    + " change: the host reverts itself ({0}).", armed.unit());
                            journal.stepFinished(entry, Outcome.UNCONFIRMED, back.asOptional(), msg);
                            record(step, Phase.APPLY, Outcome.UNCONFIRMED, back.show(), msg);
                            return awaitHostRevert(step, armed);
                        }
                    }
                    journal.stepFinished(entry, Outcome.APPLIED, back.asOptional(), NONE);
                    record(step, Phase.APPLY, Outcome.APPLIED, back.show(), NONE);
                    done.add(step);
                } catch (HostException e) {
                    journal.stepFinished(entry, Outcome.FAILED, Optional.empty(), Phrase.from(e));
                    record(step, Phase.APPLY, Outcome.FAILED, "", Phrase.from(e));
                    return rollBack(step, titled(step, Phrase.from(e)), armed);
                }
            }
            recordRssPushes();
            return finish(PlanStatus.APPLIED, total == 1
                    ? Phrase.of("tuning.run.appliedOne", "Applied 1 step; every value read back as planned.")
                    : Phrase.of("tuning.run.applied", "Applied {0} steps; every value read back as planned.", total));
        }

        private ApplyResult rollBack(Step failed, Phrase why) throws InterruptedException {
            return rollBack(failed, why, null);
        }

        /** Puts back the failed step (it may have half run) and every done step, newest first. */
        private ApplyResult rollBack(Step failed, Phrase why, ArmedRevert armed) throws InterruptedException {
            List<Step> undo = new ArrayList<>();
            if (failed != null) {
                undo.add(failed);
            }
            for (int i = done.size() - 1; i >= 0; i--) {
                undo.add(done.get(i));
            }
            listener.message(undo.size() == 1
                    ? Phrase.of("tuning.run.rollingBackOne", "{0} Rolling back 1 step.", why)
                    : Phrase.of("tuning.run.rollingBack", "{0} Rolling back {1} steps.", why, undo.size()));
            List<Phrase> left = new ArrayList<>();
            for (Step s : undo) {
                if (!revertStep(s)) {
                    left.add(s.change().titlePhrase());
                }
            }
            if (armed != null) {
                disarmQuietly(armed);
            }
            if (left.isEmpty()) {
                return finish(PlanStatus.ROLLED_BACK, Phrase.of("tuning.run.rolledBack", "{0} Rolled back: the host is back at"
                        + " its values from before.", why));
            }
            return finish(PlanStatus.ROLLBACK_FAILED, Phrase.of("tuning.run.rollbackFailed", "{0} Rollback failed for: {1}."
                    + " The journal keeps their before values; undo them when the host is reachable.", why, Phrase.joined(", ", left)));
        }

        /** Reads the step's value now and sets its "before" again if needed; true when the host has it back. */
        private boolean revertStep(Step s) throws InterruptedException {
            listener.stepStarted(s, plan.steps().size(), Phase.ROLLBACK);
            for (int attempt = 0; attempt < 3; attempt++) {
                long entry = -1;
                try {
                    Reading<String> now = Planner.read(host, s.change());
                    String current = now.asOptional().orElse(s.after());
                    if (now.isKnown() && s.change().satisfies(current, s.before())) {
                        entry = journal.stepStarted(plan.id(), s.seq(), Phase.ROLLBACK, plan.host(), s.change(),
                                current, s.before(), "");
                        journal.stepFinished(entry, Outcome.ROLLED_BACK, now.asOptional(), Phrase.of("tuning.run.alreadyBefore",
                                "Already at the before value."));
                        record(s, Phase.ROLLBACK, Outcome.ROLLED_BACK, current, Phrase.of("tuning.run.alreadyBeforeShort",
                                "already at before"));
                        return true;
                    }
                    List<Action> actions = s.change().actions(current, s.before());
                    entry = journal.stepStarted(plan.id(), s.seq(), Phase.ROLLBACK, plan.host(), s.change(), current,
                            s.before(), describe(actions));
                    runActions(host, actions);
                    Reading<String> back = Planner.read(host, s.change());
                    if (back.isKnown() && s.change().satisfies(back.asOptional().get(), s.before())) {
                        journal.stepFinished(entry, Outcome.ROLLED_BACK, back.asOptional(), NONE);
                        record(s, Phase.ROLLBACK, Outcome.ROLLED_BACK, back.show(), NONE);
                        return true;
                    }
                    Phrase msg = Phrase.of("tuning.run.notPutBack", "Read back {0} instead of {1}.", shown(back), oneLine(s.before()));
                    journal.stepFinished(entry, Outcome.ROLLBACK_FAILED, back.asOptional(), msg);
                    record(s, Phase.ROLLBACK, Outcome.ROLLBACK_FAILED, back.show(), msg);
                    return false;
                } catch (HostException e) {
                    if (entry >= 0) {
                        journal.stepFinished(entry, Outcome.ROLLBACK_FAILED, Optional.empty(), Phrase.from(e));
                    }
                    if (!reconnect()) {
                        record(s, Phase.ROLLBACK, Outcome.ROLLBACK_FAILED, "", Phrase.from(e));
                        return false;
                    }
                }
            }
            record(s, Phase.ROLLBACK, Outcome.ROLLBACK_FAILED, "", Phrase.of("tuning.run.gaveUp", "gave up after 3 attempts"));
            return false;
        }

        /**
         * Replaces a dropped connection with a fresh one, waiting 1, 2, 4 ... s (at most 30) before each
         * attempt after the first, so a host that is down is not hammered; false when none can be opened.
         */
        private boolean reconnect() throws InterruptedException {
            if (options.connector().isEmpty()) {
                return false;
            }
            if (reconnects > 0) {
                options.sleeper().sleep(reconnectDelay(reconnects));
            }
            reconnects++;
            try {
                Host fresh = options.connector().get().open();
                opened.add(fresh);
                host = fresh;
                lock.useConnection(fresh);
                listener.message(Phrase.of("tuning.run.reconnected", "Reconnected to {0}.", plan.host()));
                return true;
            } catch (HostException e) {
                listener.message(Phrase.of("tuning.run.cannotReconnect", "Cannot reconnect to {0}: {1}", plan.host(), Phrase.from(e)));
                return false;
            }
        }

        /** Opens a fresh connection and disarms the revert over it; empty when that is impossible. */
        private Optional<Host> confirm(Step step, ArmedRevert armed) throws InterruptedException {
            listener.countdown(step, armed.timeout());
            try {
                Host fresh = options.connector().get().open();
                opened.add(fresh);
                CommandResult ok = fresh.run(Command.of("true"), options.commandTimeout());
                if (!ok.ok()) {
                    return Optional.empty();
                }
                runCommands(fresh, armed.disarmCommands(), true);
                listener.message(Phrase.of("tuning.run.confirmed", "Confirmed over a new connection; {0} disarmed.", armed.unit()));
                host = fresh;
                return Optional.of(fresh);
            } catch (HostException e) {
                listener.message(Phrase.of("tuning.run.newConnectionFailed", "The new connection failed: {0}", Phrase.from(e)));
                return Optional.empty();
            }
        }

        private void disarmQuietly(ArmedRevert armed) throws InterruptedException {
            try {
                runCommands(host, armed.disarmCommands(), true);
            } catch (HostException e) {
                listener.message(Phrase.of("tuning.run.cannotDisarm", "Could not disarm {0} (it will run and set the same before"
                        + " values): {1}", armed.unit(), Phrase.from(e)));
            }
        }

        /**
         * NetTune cannot reach the host: wait until the armed revert has fired, then check over a fresh
         * connection that every step done is back at its "before".
         */
        private ApplyResult awaitHostRevert(Step step, ArmedRevert armed) throws InterruptedException {
            journal.planFinished(plan.id(), PlanStatus.REVERTING_ON_HOST, Phrase.of("tuning.run.waitingForRevert",
                    "Waiting for {0} to revert.", armed.unit()));
            Duration remaining = armed.timeout().plus(options.revertGrace());
            while (!remaining.isNegative() && !remaining.isZero()) {
                listener.countdown(step, remaining);
                Duration tick = remaining.compareTo(Duration.ofSeconds(1)) < 0 ? remaining : Duration.ofSeconds(1);
                options.sleeper().sleep(tick);
                remaining = remaining.minus(tick);
            }
            List<Step> reverted = new ArrayList<>(List.of(step));
            for (int i = done.size() - 1; i >= 0; i--) {
                reverted.add(done.get(i));
            }
            Host fresh;
            try {
                fresh = options.connector().get().open();
                opened.add(fresh);
            } catch (HostException e) {
                Phrase msg = Phrase.of("tuning.run.unreachableAfter", "The host could not be reached after the change; {0} was"
                        + " set to revert it. Check the host when it is reachable: the journal offers to revert this plan.", armed.unit());
                journal.planFinished(plan.id(), PlanStatus.REVERTING_ON_HOST, msg);
                lock.release();
                closeOpened();
                return new ApplyResult(plan.id(), PlanStatus.REVERTING_ON_HOST, msg, results);
            }
            host = fresh;
            List<Phrase> notBack = new ArrayList<>();
            for (Step s : reverted) {
                try {
                    Reading<String> now = Planner.read(host, s.change());
                    boolean back = now.isKnown() && s.change().satisfies(now.asOptional().get(), s.before());
                    long entry = journal.stepStarted(plan.id(), s.seq(), Phase.ROLLBACK, plan.host(), s.change(),
                            s.after(), s.before(), armed.script());
                    journal.stepFinished(entry, back ? Outcome.REVERTED_BY_HOST : Outcome.ROLLBACK_FAILED, now.asOptional(),
                            back ? Phrase.of("tuning.run.revertedBy", "Reverted by {0}.", armed.unit())
                                    : Phrase.of("tuning.run.still", "Still {0}.", shown(now)));
                    record(s, Phase.ROLLBACK, back ? Outcome.REVERTED_BY_HOST : Outcome.ROLLBACK_FAILED, now.show(), NONE);
                    if (!back) {
                        notBack.add(s.change().titlePhrase());
                    }
                } catch (HostException e) {
                    notBack.add(s.change().titlePhrase());
                }
            }
            if (notBack.isEmpty()) {
                return finish(PlanStatus.REVERTED_BY_HOST, Phrase.of("tuning.run.hostReverted", "NetTune could not reconnect after"
                        + " {0}; the host reverted itself ({1}) and is back at its values from before.", step.change().titlePhrase(),
                        armed.unit()));
            }
            return finish(PlanStatus.ROLLBACK_FAILED, Phrase.of("tuning.run.hostRevertLeft", "The host's own revert left these"
                    + " not at their before values: {0}.", Phrase.joined(", ", notBack)));
        }

        /**
         * Journals every NIC whose RSS key or table this plan set (a re-push included) with the host's boot id, so that a
         * reboot since (the values are not persistent) and the key and table from before can be told later.
         */
        private void recordRssPushes() throws InterruptedException {
            Map<String, String[]> perNic = new LinkedHashMap<>();
            for (Step s : done) {
                int slot = s.change() instanceof RssKeyChange ? 0 : s.change() instanceof RssTableChange ? 2 : -1;
                if (slot >= 0) {
                    String[] v = perNic.computeIfAbsent(s.change().affectedNic().orElseThrow(), n -> new String[4]);
                    // The first step's before (a channel change resets the table first) and the last step's after.
                    v[slot] = v[slot] == null ? s.before() : v[slot];
                    v[slot + 1] = s.after();
                }
            }
            if (perNic.isEmpty()) {
                return;
            }
            String bootId = RssPush.UNKNOWN_BOOT;
            try {
                CommandResult r = host.run(Command.of("cat", BOOT_ID), options.commandTimeout());
                if (r.ok()) {
                    bootId = r.stdout().strip();
                }
            } catch (HostException e) {
                listener.message(Phrase.of("tuning.run.noBootId", "Could not read the boot id of {0} ({1}): the journal records it"
                        + " as unknown, so a later reboot cannot be told from it.", plan.host(), Phrase.from(e)));
            }
            Instant now = Instant.now();
            for (Map.Entry<String, String[]> e : perNic.entrySet()) {
                String[] v = e.getValue();
                journal.rssPushed(new RssPush(plan.id(), plan.host(), e.getKey(), now, bootId, Optional.ofNullable(v[0]),
                        Optional.ofNullable(v[1]), Optional.ofNullable(v[2]), Optional.ofNullable(v[3])));
            }
        }

        private void record(Step s, Phase phase, Outcome outcome, String readBack, Phrase message) {
            results.add(new ApplyResult.StepResult(s, phase, outcome, readBack, message));
            listener.stepFinished(s, phase, outcome, message);
        }

        private void closeOpened() {
            for (Host h : opened) {
                if (h != original) {
                    closeQuietly(h);
                }
            }
            opened.clear();
        }

        private ApplyResult finish(PlanStatus status, Phrase message) {
            journal.planFinished(plan.id(), status, message);
            lock.release();
            closeOpened();
            listener.message(message);
            return new ApplyResult(plan.id(), status, message, results);
        }

        private void runActions(Host on, List<Action> actions) throws HostException, InterruptedException {
            for (Action a : actions) {
                boolean skippable = a instanceof Action.Run r && r.skipIfAbsent();
                for (Command c : a.commands()) {
                    CommandResult r = on.run(c, options.commandTimeout());
                    if (!r.ok()) {
                        if (skippable && absent(r)) {
                            listener.message(Phrase.of("tuning.run.notOnKernel", "{0}: not on this kernel, skipped.", c.display()));
                            continue;
                        }
                        throw new CommandFailedException(r);
                    }
                }
            }
        }

        private void runCommands(Host on, List<Command> commands, boolean tolerant)
                throws HostException, InterruptedException {
            for (Command c : commands) {
                CommandResult r = on.run(c, options.commandTimeout());
                if (!r.ok() && !tolerant) {
                    throw new CommandFailedException(r);
                }
            }
        }
    }

    /** The empty message of a step that went as planned. */
    private static final Phrase NONE = Phrase.literal("");

    /** "title: why", the step's title in the same language as the reason. */
    private static Phrase titled(Step step, Phrase why) {
        return Phrase.joined(": ", List.of(step.change().titlePhrase(), why));
    }

    /** A value read back as messages quote it: one line, or the reason it could not be read in brackets. */
    static Object shown(Reading<String> r) {
        String english = oneLine(r.show());
        if (r.isKnown() || !english.equals("(" + r.unknownReason().orElse("") + ")")) {
            return english;
        }
        return Phrase.of("tuning.run.unread", "({0})", r.unknownPhrase().get());
    }

    /** What an empty plan says: all of the profile is in place, or all of it that applies to this host. */
    static String nothingToDo(Plan plan) {
        return nothingToDoPhrase(plan).toString();
    }

    /** {@link #nothingToDo} as a phrase the screens say in the user's language. */
    static dev.nettune.Phrase nothingToDoPhrase(Plan plan) {
        if (plan.notePhrases().isEmpty()) {
            return dev.nettune.Phrase.of("tuning.plan.nothingToDo", "Nothing to do: the host already has every value of the profile.");
        }
        // Every step skipped (NetworkManager not running, a sysctl the kernel lacks): the host has none of it "already".
        return plan.unchangedPhrases().isEmpty()
                ? dev.nettune.Phrase.of("tuning.plan.nothingToDoAllSkipped", "Nothing to do: every step of the profile was skipped"
                        + " on this host ({0}, see Skipped).", plan.notePhrases().size())
                : dev.nettune.Phrase.of("tuning.plan.nothingToDoSkipped", "Nothing to do: the host already has every value of the profile"
                        + " that applies to it; {0} skipped (see Skipped).", plan.notePhrases().size());
    }

    /** The wait before reconnect attempt {@code n} (1-based after the first): 1, 2, 4 ... 30 s. */
    static Duration reconnectDelay(int n) {
        return Duration.ofSeconds(Math.min(30, 1L << Math.min(n - 1, 5)));
    }

    static boolean absent(CommandResult r) {
        String e = r.stderr().toLowerCase(Locale.ROOT);
        return e.contains("cannot stat") || e.contains("no such file") || e.contains("unknown key");
    }

    static String describe(List<Action> actions) {
        return actions.stream().map(Action::display).collect(Collectors.joining("\n"));
    }

    static String oneLine(String v) {
        String s = v.replace("\n", "\u23ce ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    static void closeQuietly(Host h) {
        try {
            h.close();
        } catch (RuntimeException e) {
            // Closing a connection that already dropped is expected to fail; nothing is lost.
        }
    }
}
