package dev.nettune.ui.profiles;

import dev.nettune.ui.common.Messages;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.IrqAffinityChange;
import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.ProfileLibrary;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.ServiceChange;
import dev.nettune.tuning.SmcChange;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.tuning.XpsChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile editor's state: one field per kind of change NetTune knows, each validated as it is
 * typed (the field's error says what is wrong and what is allowed), the profile they make, and the
 * library operations (save, import, export, delete) run on {@code worker} with results on {@code ui}.
 * No toolkit needed: tests pass {@code Runnable::run} for both.
 */
public final class ProfileEditorViewModel {
    /** What happens to irqbalance, which moves IRQs back to where it likes them. */
    public enum Irqbalance {
        LEAVE("profiles.irqbalance.leave"),
        BAN("cloud.production.irq.ban"),
        STOP("profiles.irqbalance.stop");

        private final String key;

        Irqbalance(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return Messages.get(key);
        }
    }



    private final ProfileLibrary library;
    private final Executor worker;
    private final Consumer<Runnable> ui;

    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty nic = new SimpleStringProperty(Profile.SEED_NIC);
    private final StringProperty sysctls = new SimpleStringProperty("");
    private final BooleanProperty persistSysctls = new SimpleBooleanProperty(true);
    private final BooleanProperty smc = new SimpleBooleanProperty(false);
    private final StringProperty smcSysctls = new SimpleStringProperty(lines(SmcChange.SEED));
    private final BooleanProperty persistSmc = new SimpleBooleanProperty(true);
    private final BooleanProperty xpsSpread = new SimpleBooleanProperty(false);
    private final StringProperty xps = new SimpleStringProperty("");
    /** What the XPS lists become: "tx-0: CPUs 0-3, written as mask f". */
    private final StringProperty xpsMasks = new SimpleStringProperty("");
    private final BooleanProperty unmanage = new SimpleBooleanProperty(false);
    private final BooleanProperty persistUnmanage = new SimpleBooleanProperty(true);
    private final StringProperty irqs = new SimpleStringProperty("");
    private final ObjectProperty<Irqbalance> irqbalance = new SimpleObjectProperty<>(Irqbalance.BAN);
    private final StringProperty channels = new SimpleStringProperty("");
    private final StringProperty rssKey = new SimpleStringProperty("");
    private final StringProperty rssTable = new SimpleStringProperty("");
    private final BooleanProperty persistBoot = new SimpleBooleanProperty(false);

    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty nicError = new SimpleStringProperty("");
    private final StringProperty sysctlsError = new SimpleStringProperty("");
    private final StringProperty smcError = new SimpleStringProperty("");
    private final StringProperty xpsError = new SimpleStringProperty("");
    private final StringProperty irqsError = new SimpleStringProperty("");
    private final StringProperty channelsError = new SimpleStringProperty("");
    private final StringProperty rssKeyError = new SimpleStringProperty("");
    private final StringProperty rssTableError = new SimpleStringProperty("");

    /** True when every field is valid and the profile has at least one entry. */
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final BooleanProperty builtIn = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    /** The profile as NetTune will run it, one entry per line. */
    private final ObservableList<String> summary = FXCollections.observableArrayList();

    /** Entries the form has no field for (a hand-written file change): kept as they are. */
    private final List<ProfileEntry> kept = new ArrayList<>();
    /** Whether the loaded profile is marked unrestricted: editing it keeps the mark its kept entries need. */
    private boolean unrestricted;
    private Profile built;
    private boolean loading;

    public ProfileEditorViewModel(ProfileLibrary library, Executor worker, Consumer<Runnable> ui) {
        this.library = library;
        this.worker = worker;
        this.ui = ui;
        List<ObservableValue<?>> fields = List.of(name, description, nic, sysctls, persistSysctls, smc, smcSysctls,
                persistSmc, xpsSpread, xps, unmanage, persistUnmanage, irqs, irqbalance, channels, rssKey, rssTable,
                persistBoot);
        fields.forEach(f -> f.addListener((o, a, b) -> {
            if (!loading) {
                validate();
            }
        }));
        selected.addListener((o, a, b) -> {
            if (b != null) {
                load(b);
            }
        });
        validate();
    }

    /** Reads the library (built-in profiles first) and opens {@code select} or the first profile. */
    public void refresh(String select) {
        busy.set(true);
        worker.execute(() -> {
            try {
                ProfileLibrary.Listing listing = library.listing();
                List<Profile> all = listing.profiles();
                ui.accept(() -> {
                    busy.set(false);
                    profiles.setAll(all);
                    Profile pick = all.stream().filter(p -> p.name().equals(select)).findFirst()
                            .orElse(all.isEmpty() ? null : all.get(0));
                    selected.set(pick);
                    if (!listing.unusable().isEmpty()) {
                        // After selecting, so the editing line does not hide that a saved file was left out.
                        ProfileLibrary.Unusable u = listing.unusable().get(0);
                        status.set(Messages.format("profiles.status.unusable", listing.unusable().size(),
                                String.valueOf(u.file().getFileName()), u.why()));
                    }
                });
            } catch (RuntimeException e) {
                ui.accept(() -> fail("Cannot read the profiles in " + library.directory() + ": " + e.getMessage()));
            }
        });
    }

    /** A new profile with the seed's TIME-WAIT values to start from. */
    public void newProfile() {
        selected.set(null);
        load(new Profile("My profile", "", List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"), new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(null))));
        builtIn.set(false);
        status.set("A new profile: change what you need, then Save.");
    }

    /** Fills every field from a profile (an entry with no field of its own is kept unchanged). */
    public void load(Profile p) {
        loading = true;
        try {
            kept.clear();
            unrestricted = p.unrestricted();
            Map<String, String> sys = new LinkedHashMap<>();
            Map<Integer, String> xpsLists = new java.util.TreeMap<>();
            StringBuilder irqLines = new StringBuilder();
            String nicName = null;
            boolean persistSys = false;
            boolean smcOn = false;
            boolean persistSmcOn = false;
            boolean spread = false;
            boolean nm = false;
            boolean persistNm = false;
            boolean boot = false;
            Irqbalance choice = Irqbalance.LEAVE;
            String ch = "";
            String key = "";
            String table = "";
            Map<String, String> smcValues = SmcChange.SEED;
            for (ProfileEntry e : p.entries()) {
                if (e instanceof SysctlChange s) {
                    sys.put(s.name(), s.value());
                } else if (e instanceof ProfileEntry.PersistSysctls) {
                    persistSys = true;
                } else if (e instanceof SmcChange s) {
                    smcOn = true;
                    smcValues = s.sysctls();
                } else if (e instanceof ProfileEntry.PersistSmc) {
                    persistSmcOn = true;
                } else if (e instanceof XpsChange x) {
                    xpsLists.put(x.txQueue(), x.cpus());
                    nicName = nicName == null ? x.nic() : nicName;
                } else if (e instanceof XpsChange.Spread s) {
                    spread = true;
                    nicName = nicName == null ? s.nic() : nicName;
                } else if (e instanceof NetworkManagerChange n && !n.managed()) {
                    nm = true;
                    nicName = nicName == null ? n.nic() : nicName;
                } else if (e instanceof ProfileEntry.PersistNetworkManager n) {
                    persistNm = true;
                    nicName = nicName == null ? n.nic() : nicName;
                } else if (e instanceof IrqAffinityChange i) {
                    irqLines.append(i.irq()).append(": ").append(i.cpus()).append('\n');
                } else if (e instanceof ProfileEntry.BanIrqs) {
                    choice = Irqbalance.BAN;
                } else if (e instanceof ServiceChange s && s.unit().equals("irqbalance") && !s.active()) {
                    choice = Irqbalance.STOP;
                } else if (e instanceof ChannelChange c) {
                    ch = Integer.toString(c.combined());
                    nicName = nicName == null ? c.nic() : nicName;
                } else if (e instanceof RssKeyChange k) {
                    key = k.key();
                    nicName = nicName == null ? k.nic() : nicName;
                } else if (e instanceof RssTableChange t) {
                    table = t.spec();
                    nicName = nicName == null ? t.nic() : nicName;
                } else if (e instanceof BootReapply b) {
                    boot = true;
                    nicName = nicName == null ? b.nic() : nicName;
                } else {
                    kept.add(e);
                }
            }
            name.set(p.name());
            description.set(p.description());
            nic.set(nicName == null ? Profile.SEED_NIC : nicName);
            sysctls.set(lines(sys));
            persistSysctls.set(persistSys);
            smc.set(smcOn);
            smcSysctls.set(lines(smcValues));
            persistSmc.set(persistSmcOn || !smcOn);
            xpsSpread.set(spread);
            StringBuilder x = new StringBuilder();
            int next = 0;
            for (var q : xpsLists.entrySet()) {
                for (; next < q.getKey(); next++) {
                    x.append(XpsChange.NONE).append("; ");
                }
                x.append(q.getValue()).append("; ");
                next = q.getKey() + 1;
            }
            xps.set(x.toString().replaceAll(";\\s*$", ""));
            unmanage.set(nm);
            persistUnmanage.set(persistNm || !nm);
            irqs.set(irqLines.toString().strip());
            irqbalance.set(irqLines.length() == 0 && choice == Irqbalance.LEAVE ? Irqbalance.BAN : choice);
            channels.set(ch);
            rssKey.set(key);
            rssTable.set(table);
            persistBoot.set(boot);
            builtIn.set(Profile.builtIn().stream().anyMatch(b -> b.name().equalsIgnoreCase(p.name())));
        } finally {
            loading = false;
        }
        validate();
        status.set(Messages.format(builtIn.get() ? "profiles.status.builtIn" : "profiles.status.editing", p.name()));
    }

    /** The profile the fields make, when every field is valid. */
    public Optional<Profile> profile() {
        return Optional.ofNullable(built);
    }

    /** Checks every field, sets each field's message, and rebuilds the profile. */
    public void validate() {
        List<ProfileEntry> entries = new ArrayList<>();
        boolean ok = true;
        nameError.set(check(() -> new Profile(name.get(), "", List.of())));
        ok &= nameError.get().isEmpty();
        nicError.set(check(() -> new ChannelChange(nic.get(), 1)));
        boolean nicOk = nicError.get().isEmpty();
        ok &= nicOk;

        List<SysctlChange> sys = new ArrayList<>();
        sysctlsError.set(parseLines(sysctls.get(), '=', "net.ipv4.tcp_fin_timeout = 15",
                (k, v) -> sys.add(new SysctlChange(k, v))));
        ok &= sysctlsError.get().isEmpty();
        entries.addAll(sys);
        if (persistSysctls.get() && !sys.isEmpty()) {
            entries.add(new ProfileEntry.PersistSysctls(null));
        }

        smcError.set("");
        if (smc.get()) {
            Map<String, String> values = new LinkedHashMap<>();
            smcError.set(parseLines(smcSysctls.get(), '=', "net.smc.smc_enabled = 1", values::put));
            if (smcError.get().isEmpty()) {
                smcError.set(check(() -> entries.add(new SmcChange(values))));
            }
            ok &= smcError.get().isEmpty();
            if (persistSmc.get()) {
                entries.add(new ProfileEntry.PersistSmc());
            }
        }

        channelsError.set("");
        if (!channels.get().isBlank() && nicOk) {
            try {
                entries.add(new ChannelChange(nic.get(), Integer.parseInt(channels.get().strip())));
            } catch (NumberFormatException e) {
                channelsError.set("'" + channels.get().strip() + "' is not a whole number: give the combined channel"
                        + " count, 1-4096 (at most what the NIC offers), or leave it empty to keep the NIC's.");
            } catch (TuningInputException e) {
                channelsError.set(e.getMessage());
            }
            ok &= channelsError.get().isEmpty();
        }
        rssKeyError.set(rssKey.get().isBlank() || !nicOk ? "" : check(() -> entries.add(new RssKeyChange(nic.get(),
                rssKey.get().strip()))));
        ok &= rssKeyError.get().isEmpty();
        rssTableError.set(rssTable.get().isBlank() || !nicOk ? "" : check(() -> entries.add(new RssTableChange(nic.get(),
                rssTable.get().strip()))));
        ok &= rssTableError.get().isEmpty();

        xpsError.set("");
        List<String> masks = new ArrayList<>();
        if (nicOk && xpsSpread.get()) {
            entries.add(new XpsChange.Spread(nic.get()));
            masks.add("TX queue i is sent from CPU i mod n (n = the host's online CPUs); each written as its mask.");
            if (!xps.get().isBlank()) {
                xpsError.set("Choose one: CPU lists per TX queue, or the spread (clear the lists or untick the spread).");
            }
        } else if (nicOk && !xps.get().isBlank()) {
            String[] lists = xps.get().split(";");
            for (int q = 0; q < lists.length; q++) {
                String list = lists[q].strip();
                if (list.isEmpty()) {
                    continue;
                }
                int queue = q;
                String err = check(() -> entries.add(new XpsChange(nic.get(), queue, list)));
                if (!err.isEmpty()) {
                    xpsError.set("tx-" + q + ": " + err);
                    break;
                }
                XpsChange c = (XpsChange) entries.get(entries.size() - 1);
                masks.add(Messages.format(c.cpus().contains("-") ? "profiles.xpsMask.range" : "profiles.xpsMask",
                        "tx-" + q, c.cpus(), XpsChange.mask(c.cpus())));
            }
        }
        ok &= xpsError.get().isEmpty();
        xpsMasks.set(String.join("\n", masks));

        List<Integer> irqNumbers = new ArrayList<>();
        irqsError.set(parseLines(irqs.get(), ':', "30: 0-1", (k, v) -> {
            int irq;
            try {
                irq = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw new TuningInputException("'" + k + "' is not an IRQ number: give the number from /proc/interrupts,"
                        + " 0-65535, then ':' and the CPUs (30: 0-1).");
            }
            entries.add(new IrqAffinityChange(irq, v, ""));
            irqNumbers.add(irq);
        }));
        ok &= irqsError.get().isEmpty();
        if (!irqNumbers.isEmpty() && irqsError.get().isEmpty()) {
            if (irqbalance.get() == Irqbalance.BAN) {
                entries.add(new ProfileEntry.BanIrqs(irqNumbers));
            } else if (irqbalance.get() == Irqbalance.STOP) {
                entries.add(ServiceChange.stopIrqbalance());
            }
        }

        if (nicOk && unmanage.get()) {
            entries.add(NetworkManagerChange.unmanage(nic.get()));
            if (persistUnmanage.get()) {
                entries.add(new ProfileEntry.PersistNetworkManager(nic.get()));
            }
        }
        if (nicOk && persistBoot.get()) {
            entries.add(new BootReapply(nic.get()));
        }
        entries.addAll(kept);

        built = null;
        summary.clear();
        if (ok && entries.isEmpty()) {
            status.set("The profile changes nothing yet: fill in at least one section.");
            ok = false;
        }
        if (ok) {
            try {
                built = new Profile(name.get().strip(), description.get(), entries, unrestricted);
                entries.forEach(e -> summary.add(describe(e)));
            } catch (TuningInputException e) {
                nameError.set(e.getMessage());
                ok = false;
            }
        }
        valid.set(ok);
    }

    private static String describe(ProfileEntry e) {
        if (e instanceof dev.nettune.tuning.Change c) {
            return c.title() + " \u2192 " + c.show(c.desired());
        }
        if (e instanceof ProfileEntry.PersistSysctls p) {
            return Messages.format("profiles.entry.persistSysctls", String.valueOf(p.path()));
        }
        if (e instanceof ProfileEntry.PersistSmc) {
            return Messages.format("profiles.entry.persistSmc", ProfileEntry.PersistSmc.PATH);
        }
        if (e instanceof ProfileEntry.PersistNetworkManager n) {
            return Messages.format("profiles.entry.persistNm", n.nic());
        }
        if (e instanceof ProfileEntry.BanIrqs b) {
            return Messages.format("profiles.entry.banIrqs", String.valueOf(b.irqs()));
        }
        if (e instanceof XpsChange.Spread s) {
            return Messages.format("profiles.entry.xpsSpread", s.nic());
        }
        if (e instanceof BootReapply b) {
            return Messages.format("profiles.entry.bootReapply", b.nic());
        }
        return e.toString();
    }

    /** Saves the profile in the library (a built-in name is refused with the reason). */
    public void save() {
        Optional<Profile> p = profile();
        if (p.isEmpty()) {
            status.set("Fix the fields marked in red first.");
            return;
        }
        run("Saved", () -> {
            Path f = library.save(p.get());
            return "Saved \"" + p.get().name() + "\" as " + f + ".";
        }, p.get().name());
    }

    /** Reads a profile file (JSON, as {@code nettune tune profiles export} writes it) into the library and opens it. */
    public void importFrom(Path file) {
        busy.set(true);
        worker.execute(() -> {
            try {
                Profile p = library.importFile(file);
                List<Profile> all = library.all();
                ui.accept(() -> {
                    busy.set(false);
                    profiles.setAll(all);
                    selected.set(all.stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(p));
                    status.set("Imported \"" + p.name() + "\" from " + file + "." + (p.beyondLimits().isEmpty() ? ""
                            : " " + Messages.format("profiles.status.importedUnrestricted", String.join(" ", p.beyondLimits()))));
                });
            } catch (RuntimeException e) {
                ui.accept(() -> fail("Cannot import " + file + ": " + e.getMessage()));
            }
        });
    }

    /** Writes the profile as shown (valid fields only) to a JSON file others can import. */
    public void exportTo(Path file) {
        exportTo(file, dev.nettune.tuning.ProfileFormat.JSON);
    }

    /**
     * Writes the profile as shown (valid fields only) in {@code format}: NetTune's JSON, or an Ansible
     * playbook or cloud-init user-data for teams that run their own engine.
     */
    public void exportTo(Path file, dev.nettune.tuning.ProfileFormat format) {
        Optional<Profile> p = profile();
        if (p.isEmpty()) {
            status.set("Fix the fields marked in red first: only a valid profile is exported.");
            return;
        }
        busy.set(true);
        worker.execute(() -> {
            try {
                java.nio.file.Files.writeString(file, format.render(p.get()));
                String as = switch (format) {
                    case JSON -> "";
                    case ANSIBLE -> " as an Ansible playbook (ansible-playbook -i INVENTORY " + file.getFileName() + ")";
                    case CLOUD_INIT -> " as cloud-init user-data (give it to a new instance as its user data)";
                };
                ui.accept(() -> {
                    busy.set(false);
                    status.set("Exported \"" + p.get().name() + "\"" + as + " to " + file + ".");
                });
            } catch (java.io.IOException | RuntimeException e) {
                ui.accept(() -> fail("Cannot export to " + file + ": " + e.getMessage()));
            }
        });
    }

    /** Deletes the saved profile of this name (built-in profiles stay). */
    public void delete() {
        if (builtIn.get()) {
            status.set("Built-in profiles cannot be deleted.");
            return;
        }
        String n = name.get().strip();
        run("Deleted", () -> {
            library.delete(n);
            return "Deleted \"" + n + "\".";
        }, null);
    }

    private void run(String what, java.util.concurrent.Callable<String> job, String reselect) {
        busy.set(true);
        worker.execute(() -> {
            try {
                String message = job.call();
                List<Profile> all = library.all();
                ui.accept(() -> {
                    busy.set(false);
                    profiles.setAll(all);
                    if (reselect != null) {
                        all.stream().filter(x -> x.name().equals(reselect)).findFirst().ifPresent(selected::set);
                    } else if (!all.isEmpty()) {
                        selected.set(all.get(0));
                    }
                    status.set(message);
                });
            } catch (Exception e) {
                ui.accept(() -> fail(what + " failed: " + e.getMessage()));
            }
        });
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
    }

    /** "" when the action accepts the input, else its message (which says what is allowed). */
    private static String check(Runnable action) {
        try {
            action.run();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Receives one "key = value" line; throws with a message when the line is not allowed. */
    interface LineSink {
        void accept(String key, String value);
    }

    private static String parseLines(String text, char separator, String example, LineSink sink) {
        String[] lines = text == null ? new String[0] : text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(separator);
            if (eq <= 0) {
                return "Line " + (i + 1) + ": '" + line + "' has no '" + separator + "': write one per line, for example "
                        + example + ".";
            }
            try {
                sink.accept(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                return "Line " + (i + 1) + ": " + e.getMessage();
            }
        }
        return "";
    }

    private static String lines(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString().strip();
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty sysctlsProperty() {
        return sysctls;
    }

    public BooleanProperty persistSysctlsProperty() {
        return persistSysctls;
    }

    public BooleanProperty smcProperty() {
        return smc;
    }

    public StringProperty smcSysctlsProperty() {
        return smcSysctls;
    }

    public BooleanProperty persistSmcProperty() {
        return persistSmc;
    }

    public BooleanProperty xpsSpreadProperty() {
        return xpsSpread;
    }

    public StringProperty xpsProperty() {
        return xps;
    }

    public StringProperty xpsMasksProperty() {
        return xpsMasks;
    }

    public BooleanProperty unmanageProperty() {
        return unmanage;
    }

    public BooleanProperty persistUnmanageProperty() {
        return persistUnmanage;
    }

    public StringProperty irqsProperty() {
        return irqs;
    }

    public ObjectProperty<Irqbalance> irqbalanceProperty() {
        return irqbalance;
    }

    public StringProperty channelsProperty() {
        return channels;
    }

    public StringProperty rssKeyProperty() {
        return rssKey;
    }

    public StringProperty rssTableProperty() {
        return rssTable;
    }

    public BooleanProperty persistBootProperty() {
        return persistBoot;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty nicErrorProperty() {
        return nicError;
    }

    public StringProperty sysctlsErrorProperty() {
        return sysctlsError;
    }

    public StringProperty smcErrorProperty() {
        return smcError;
    }

    public StringProperty xpsErrorProperty() {
        return xpsError;
    }

    public StringProperty irqsErrorProperty() {
        return irqsError;
    }

    public StringProperty channelsErrorProperty() {
        return channelsError;
    }

    public StringProperty rssKeyErrorProperty() {
        return rssKeyError;
    }

    public StringProperty rssTableErrorProperty() {
        return rssTableError;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public BooleanProperty builtInProperty() {
        return builtIn;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> summary() {
        return summary;
    }
}
