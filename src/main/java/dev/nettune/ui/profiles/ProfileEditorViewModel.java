package dev.nettune.ui.profiles;

import static dev.nettune.ui.profiles.SectionText.check;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.ProfileNames;
import dev.nettune.tuning.BootReapply;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.ProfileLibrary;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.tuning.TuningInputException;
import dev.nettune.tuning.XpsChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The profile editor's state: the profile's name, description and NIC, one section model per kind of change
 * NetTune knows (each field validated as it is typed; the field's error says what is wrong and what is allowed),
 * the profile they make, and the library operations (save, import, export, delete) run on {@code worker} with
 * results on {@code ui}. No toolkit needed: tests pass {@code Runnable::run} for both.
 */
public final class ProfileEditorViewModel {
    private final ProfileLibrary library;
    private final Executor worker;
    private final Consumer<Runnable> ui;

    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty nic = new SimpleStringProperty(Profile.SEED_NIC);
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty nicError = new SimpleStringProperty("");

    private final SysctlSectionModel sysctls = new SysctlSectionModel();
    private final SmcSectionModel smc = new SmcSectionModel();
    private final ChannelsSectionModel channels = new ChannelsSectionModel();
    private final RssSectionModel rss = new RssSectionModel();
    private final XpsSectionModel xps = new XpsSectionModel();
    private final IrqSectionModel irq = new IrqSectionModel();
    private final NetworkManagerSectionModel networkManager = new NetworkManagerSectionModel();
    private final BootSectionModel boot = new BootSectionModel();
    /** In the order their entries appear in the profile the editor makes. */
    private final List<ProfileSection> sections = List.of(sysctls, smc, channels, rss, xps, irq, networkManager, boot);

    /** True when every field is valid and the profile has at least one entry. */
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final BooleanProperty builtIn = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    /** The profile as NetTune will run it, one entry per line. */
    private final ObservableList<String> summary = FXCollections.observableArrayList();

    /** Entries the form has no field for (a hand-written file change): kept as they are. */
    private final List<ProfileEntry> kept = new ArrayList<>();
    /**
     * The profile's "unrestricted" mark: whether it may go beyond what network tuning needs (any sysctl, other
     * files, other commands). Off by default, loaded with the profile; the Tuning screen still asks before planning.
     */
    private final BooleanProperty unrestricted = new SimpleBooleanProperty(false);
    /** The warning shown while a marked profile does go beyond the limits; empty otherwise. */
    private final StringProperty limitsWarning = new SimpleStringProperty("");
    private Profile built;
    private boolean loading;

    public ProfileEditorViewModel(ProfileLibrary library, Executor worker, Consumer<Runnable> ui) {
        this.library = library;
        this.worker = worker;
        this.ui = ui;
        List<ObservableValue<?>> fields = new ArrayList<>(List.of(name, description, nic, unrestricted));
        sections.forEach(s -> fields.addAll(s.inputs()));
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

    /** The "unrestricted" mark the form edits (see the field). */
    public BooleanProperty unrestrictedProperty() {
        return unrestricted;
    }

    public StringProperty limitsWarningProperty() {
        return limitsWarning;
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
                                String.valueOf(u.file().getFileName()), Messages.say(u.whyPhrase())));
                    }
                });
            } catch (RuntimeException e) {
                ui.accept(() -> fail(Messages.format("profiles.status.cannotRead", String.valueOf(library.directory()), Messages.problem(e))));
            }
        });
    }

    /** A new profile with the seed's TIME-WAIT values to start from. */
    public void newProfile() {
        selected.set(null);
        load(new Profile(Messages.get("profiles.newName"), "", List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"), new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(null))));
        builtIn.set(false);
        status.set(Messages.get("profiles.status.new"));
    }

    /** Fills every field from a profile (an entry with no field of its own is kept unchanged). */
    public void load(Profile p) {
        loading = true;
        try {
            kept.clear();
            unrestricted.set(p.unrestricted());
            String[] nicName = {null};
            // The first entry that names a NIC gives the editor's NIC.
            Consumer<String> nicSeen = n -> nicName[0] = nicName[0] == null ? n : nicName[0];
            sections.forEach(ProfileSection::clear);
            for (ProfileEntry e : p.entries()) {
                if (sections.stream().noneMatch(s -> s.take(e, nicSeen))) {
                    kept.add(e);
                }
            }
            // A built-in shows its name and description in the language in use; validate() reads them back as its own.
            name.set(ProfileNames.shown(p));
            description.set(ProfileNames.description(p));
            nic.set(nicName[0] == null ? Profile.SEED_NIC : nicName[0]);
            sections.forEach(ProfileSection::show);
            builtIn.set(Profile.builtIn().stream().anyMatch(b -> b.name().equalsIgnoreCase(p.name())));
        } finally {
            loading = false;
        }
        validate();
        status.set(Messages.format(builtIn.get() ? "profiles.status.builtIn" : "profiles.status.editing", ProfileNames.shown(p)));
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
        for (ProfileSection section : sections) {
            ok &= section.validate(nic.get(), nicOk, entries);
        }
        entries.addAll(kept);

        built = null;
        summary.clear();
        limitsWarning.set("");
        if (ok && entries.isEmpty()) {
            status.set(Messages.get("profiles.status.empty"));
            ok = false;
        }
        List<String> beyond = ok ? dev.nettune.tuning.ProfileLimits.beyondPhrases(entries).stream().map(Messages::say).toList() : List.of();
        if (!beyond.isEmpty()) {
            String what = String.join(" ", beyond.subList(0, Math.min(3, beyond.size())))
                    + (beyond.size() > 3 ? " (+" + (beyond.size() - 3) + ")" : "");
            if (unrestricted.get()) {
                limitsWarning.set(Messages.format("profiles.warning.unrestricted", what));
            } else {
                // Said here, in the form's words, instead of the domain's CLI advice (mark the file, pass a flag).
                nameError.set(Messages.format("profiles.error.beyondLimits", what));
                ok = false;
            }
        }
        if (ok) {
            try {
                String written = ProfileNames.written(name.get().strip());
                built = new Profile(written, ProfileNames.writtenDescription(written, description.get()), entries, unrestricted.get());
                entries.forEach(e -> summary.add(describe(e)));
            } catch (TuningInputException e) {
                nameError.set(Messages.problem(e));
                ok = false;
            }
        }
        valid.set(ok);
    }

    private static String describe(ProfileEntry e) {
        if (e instanceof dev.nettune.tuning.Change c) {
            return Messages.say(c.titlePhrase()) + " \u2192 " + Messages.say(c.showPhrase(c.desired()));
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
            status.set(Messages.get("profiles.status.fixFirst"));
            return;
        }
        run("profiles.status.saveFailed", () -> {
            Path f = library.save(p.get());
            return Messages.format("profiles.status.saved", ProfileNames.shown(p.get()), String.valueOf(f));
        }, ProfileNames.shown(p.get()));
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
                    status.set(Messages.format("profiles.status.imported", ProfileNames.shown(p), String.valueOf(file)) + (p.beyondLimits().isEmpty() ? ""
                            : " " + Messages.format("profiles.status.importedUnrestricted",
                                    String.join(" ", p.beyondLimitPhrases().stream().map(Messages::say).toList()))));
                });
            } catch (RuntimeException e) {
                ui.accept(() -> fail(Messages.format("profiles.status.cannotImport", String.valueOf(file), Messages.problem(e))));
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
            status.set(Messages.get("profiles.status.fixBeforeExport"));
            return;
        }
        busy.set(true);
        worker.execute(() -> {
            try {
                java.nio.file.Files.writeString(file, format.render(p.get()));
                String as = switch (format) {
                    case JSON -> Messages.format("profiles.status.exported", ProfileNames.shown(p.get()), String.valueOf(file));
                    case ANSIBLE -> Messages.format("profiles.status.exportedAnsible", ProfileNames.shown(p.get()), String.valueOf(file),
                            String.valueOf(file.getFileName()));
                    case CLOUD_INIT -> Messages.format("profiles.status.exportedCloudInit", ProfileNames.shown(p.get()), String.valueOf(file));
                };
                ui.accept(() -> {
                    busy.set(false);
                    status.set(as);
                });
            } catch (java.io.IOException | RuntimeException e) {
                ui.accept(() -> fail(Messages.format("profiles.status.cannotExport", String.valueOf(file), Messages.problem(e))));
            }
        });
    }

    /** Deletes the saved profile of this name (built-in profiles stay). */
    public void delete() {
        if (builtIn.get()) {
            status.set(Messages.get("profiles.status.builtInDelete"));
            return;
        }
        String n = name.get().strip();
        run("profiles.status.deleteFailed", () -> {
            library.delete(n);
            return Messages.format("profiles.status.deleted", n);
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
                ui.accept(() -> fail(Messages.format(what, Messages.problem(e))));
            }
        });
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
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
    public SysctlSectionModel sysctls() {
        return sysctls;
    }

    public SmcSectionModel smc() {
        return smc;
    }

    public ChannelsSectionModel channels() {
        return channels;
    }

    public RssSectionModel rss() {
        return rss;
    }

    public XpsSectionModel xps() {
        return xps;
    }

    public IrqSectionModel irq() {
        return irq;
    }

    public NetworkManagerSectionModel networkManager() {
        return networkManager;
    }

    public BootSectionModel boot() {
        return boot;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty nicErrorProperty() {
        return nicError;
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
