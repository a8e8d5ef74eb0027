package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.app.HostOptions;
import dev.nettune.app.NicRssService;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import dev.nettune.linux.EthtoolRss;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The RSS key and indirection table of the NIC (custom RSS must be on for the ENI, the cloud part's last setting),
 * through the app's NIC RSS service: a preflight first (host, NIC, driver, channels, the live key and table, the
 * verification's sender), then a push planned against the values read back, so "already in effect" means the live
 * key and table are the wanted ones; a NIC whose shown values may not be in effect (rebooted, channels changed,
 * virtio_net not pushed this boot) is pushed again even when they look equal.
 */
public final class RssStepModel extends HostStepModel {
    /** Where the preflight stands; Preview waits for it to pass. */
    public enum Preflight { NOT_RUN, RUNNING, PASSED, FAILED }

    /** One line of the preflight as the page shows it: a check that holds, one that failed, or a note (checking, what to do). */
    public record PreflightLine(String text, Kind kind) {
        /** How the line is coloured: a failed check red, a check that holds green, a note plain. */
        public enum Kind { OK, FAILED, NOTE }

        public PreflightLine {
            java.util.Objects.requireNonNull(text, "text");
            java.util.Objects.requireNonNull(kind, "kind");
        }
    }

    /** 40 bytes as colon-separated hex; blank keeps the key. */
    private final StringProperty key = new SimpleStringProperty("");
    /** An {@code ethtool -X} request such as "equal 4" or "weight 1 1 2 2"; blank keeps the table. */
    private final StringProperty table = new SimpleStringProperty(DEFAULT_TABLE);
    /** The table offered before the NIC is read; a preflight that reads another ring count offers "equal N" for it instead. */
    static final String DEFAULT_TABLE = "equal 4";
    private final ObjectProperty<Preflight> preflight = new SimpleObjectProperty<>(Preflight.NOT_RUN);
    /** One line per preflight check ("ok    NIC exists: ..." or "FAIL  ..."), then what to do when one failed. */
    private final StringProperty preflightText = new SimpleStringProperty("");
    /** The same lines, each with whether its check holds: a failed preflight colours only its failing lines. */
    private final javafx.collections.ObservableList<PreflightLine> preflightLines = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty sender;
    /** The live key and table as read when the push was planned, for the comparison the status shows. */
    private volatile String live = "";

    public RssStepModel(HostWork work, StringProperty host, StringProperty nic, StringProperty sender) {
        super("rss", Messages.get("production.step.title.rss"), work, host, nic);
        this.sender = sender;
        inputsAre(key, table);
        ready.bind(preflight.isEqualTo(Preflight.PASSED));
        // A preflight is of one host, NIC and sender: another makes it stale.
        for (StringProperty p : List.of(host, nic, sender)) {
            p.addListener(x -> {
                if (preflight.get() != Preflight.RUNNING) {
                    preflight.set(Preflight.NOT_RUN);
                    note("");
                }
            });
        }
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.rss");
    }

    public List<ProfileEntry> entries() {
        List<ProfileEntry> out = new ArrayList<>();
        if (key.get() != null && !key.get().isBlank()) {
            out.add(new RssKeyChange(nic.get(), key.get().strip()));
        }
        if (table.get() != null && !table.get().isBlank()) {
            out.add(new RssTableChange(nic.get(), table.get().strip()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("production.step.rss.empty"));
        }
        return out;
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.nicOf", title(), nic.get()), entries());
    }

    /**
     * Checks, before anything changes, that the host answers, the NIC exists, its driver and channels, that its key
     * and table read back, and that the verification's sender can send. Reads only; Preview waits until it passes.
     */
    public void runPreflight() {
        String h = host.get();
        String n = nic.get();
        String from = sender.get() == null ? "" : sender.get().strip();
        preflight.set(Preflight.RUNNING);
        note(Messages.format("production.step.rss.checking", n, h));
        work.worker().execute(() -> {
            NicRssService.Preflight p;
            try (Host open = work.opener().open(h)) {
                p = work.rss().preflight(open, n, () -> {
                    if (from.isEmpty()) {
                        throw new IllegalArgumentException(Messages.get("production.rss.noSender"));
                    }
                    return work.verification().sender(from, h, n, HostOptions.defaults());
                });
            } catch (HostException | RuntimeException e) {
                p = new NicRssService.Preflight(List.of(NicRssService.Check.unreachable(h + ": " + message(e))),
                        Optional.empty(), Optional.empty(), Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                work.ui().accept(() -> {
                    preflight.set(Preflight.NOT_RUN);
                    note(Messages.get("production.step.rss.cancelled"));
                });
                return;
            }
            NicRssService.Preflight done = p;
            work.ui().accept(() -> {
                preflight.set(done.ok() ? Preflight.PASSED : Preflight.FAILED);
                List<PreflightLine> lines = new ArrayList<>();
                done.checks().forEach(c -> lines.add(new PreflightLine(c.line(Messages.locale()), c.ok() ? PreflightLine.Kind.OK : PreflightLine.Kind.FAILED)));
                if (!done.ok()) {
                    lines.add(new PreflightLine(Messages.get("production.step.rss.fixAndRetry"), PreflightLine.Kind.NOTE));
                }
                preflightLines.setAll(lines);
                // "equal 4" on a NIC using 3 rings would be refused: the untouched default follows the rings the NIC uses now.
                done.live().map(EthtoolRss::ringCount).filter(OptionalInt::isPresent).map(OptionalInt::getAsInt)
                        .filter(rings -> DEFAULT_TABLE.equals(table.get()) && rings > 0).ifPresent(rings -> table.set("equal " + rings));
                preflightText.set(String.join("\n", lines.stream().map(PreflightLine::text).toList()));
            });
        });
    }

    /** The preflight shows one plain line (checking, cancelled), or nothing. */
    private void note(String text) {
        preflightText.set(text);
        if (text.isEmpty()) {
            preflightLines.clear();
        } else {
            preflightLines.setAll(List.of(new PreflightLine(text, PreflightLine.Kind.NOTE)));
        }
    }

    /** Plans the push against the values read back now; pushes again when the shown values may not be in effect. */
    @Override
    protected Plan plan(Host open, Profile p) throws HostException, InterruptedException {
        String n = nic.get();
        boolean again = work.verification().rssWarning(open, n).isPresent();
        live = dev.nettune.host.NicRssReader.readIfAvailable(open, n).map(r -> NicRssService.describePhrase(r).in(Messages.locale())).orElse("");
        return work.rss().planPush(open, n, Optional.ofNullable(key.get()), Optional.ofNullable(table.get()), again,
                Messages.locale());
    }

    @Override
    protected ApplyResult apply(Host open, Plan p, String h) throws HostException, InterruptedException {
        return work.rss().push(open, p, ApplyOptions.defaults(() -> work.opener().open(h)), ApplyListener.NONE);
    }

    @Override
    protected String nothingToDo(Plan made) {
        return Messages.format("production.rss.alreadyInEffect", nic.get(), made.host(), live.isEmpty() ? "" : " (" + live + ")");
    }

    private static String message(Exception e) {
        return Messages.problem(e);
    }

    // ---- properties (the JavaFX style: private state, xxxProperty() accessors) ----

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObjectProperty<Preflight> preflightProperty() {
        return preflight;
    }

    public StringProperty preflightTextProperty() {
        return preflightText;
    }

    /** The preflight's lines with their kind, for a page that colours each one. */
    public javafx.collections.ObservableList<PreflightLine> preflightLines() {
        return preflightLines;
    }
}
