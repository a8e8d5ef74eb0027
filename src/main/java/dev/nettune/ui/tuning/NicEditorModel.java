package dev.nettune.ui.tuning;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.TableSpec;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import dev.nettune.tuning.XpsChange;
import dev.nettune.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Tuning screen's editor for one NIC's queues: an RSS key and indirection table (previewed as it is typed)
 * and XPS CPU lists, each turned into a one-off profile for the screen to plan. What is typed wrong is said in
 * the editor's error line, never planned.
 */
public final class NicEditorModel {
    private final StringProperty nic = new SimpleStringProperty("eth1");
    private final StringProperty rssKey = new SimpleStringProperty("");
    private final StringProperty rssTable = new SimpleStringProperty("equal 4");
    private final IntegerProperty rssRings = new SimpleIntegerProperty(4);
    private final StringProperty rssError = new SimpleStringProperty("");
    private final ObjectProperty<IndirectionTable> rssPreview = new SimpleObjectProperty<>();
    // XPS: one CPU list per TX queue, separated by ';' (tx-0 first).
    private final StringProperty xpsCpus = new SimpleStringProperty("");
    private final StringProperty xpsError = new SimpleStringProperty("");

    NicEditorModel() {
        rssTable.addListener((o, a, b) -> updateRssPreview());
        rssRings.addListener((o, a, b) -> updateRssPreview());
        updateRssPreview();
    }

    /** Why the seed's XPS command fails and what NetTune writes instead, in the language in use. */
    public static String xpsNote() {
        return Messages.get("xps.seedNote");
    }

    /** The RSS request as a one-off profile (key and/or table on the NIC). */
    public Optional<Profile> rssProfile() {
        List<ProfileEntry> entries = new ArrayList<>();
        try {
            if (!rssKey.get().isBlank()) {
                entries.add(new RssKeyChange(nic.get(), rssKey.get()));
            }
            if (!rssTable.get().isBlank()) {
                entries.add(new RssTableChange(nic.get(), rssTable.get()));
            }
        } catch (IllegalArgumentException e) {
            rssError.set(Messages.problem(e));
            return Optional.empty();
        }
        if (entries.isEmpty()) {
            rssError.set(Messages.get("tuning.rss.needKeyOrTable"));
            return Optional.empty();
        }
        rssError.set("");
        return Optional.of(new Profile(Messages.format("tuning.editor.rssProfile", nic.get()), Messages.get("tuning.editor.rssProfile.description"), entries));
    }

    /** The XPS lists as changes: "0-3; 4-7" is tx-0 on CPUs 0-3 and tx-1 on CPUs 4-7. */
    public Optional<Profile> xpsProfile() {
        List<ProfileEntry> entries = new ArrayList<>();
        String[] lists = xpsCpus.get() == null ? new String[0] : xpsCpus.get().split(";");
        try {
            for (int q = 0; q < lists.length; q++) {
                if (!lists[q].isBlank()) {
                    entries.add(new XpsChange(nic.get(), q, lists[q]));
                }
            }
        } catch (IllegalArgumentException e) {
            xpsError.set(Messages.problem(e));
            return Optional.empty();
        }
        if (entries.isEmpty()) {
            xpsError.set(Messages.get("tuning.xps.needCpus"));
            return Optional.empty();
        }
        xpsError.set("");
        return Optional.of(new Profile(Messages.format("tuning.editor.xpsProfile", nic.get()), Messages.get("tuning.editor.xpsProfile.description"), entries));
    }

    /** The usual XPS spread as a profile: TX queue i to CPU i mod n over the host's online CPUs. */
    public Optional<Profile> xpsSpreadProfile() {
        try {
            Profile p = new Profile(Messages.format("tuning.editor.xpsSpreadProfile", nic.get()), Messages.get("tuning.editor.xpsSpreadProfile.description"), List.of(new XpsChange.Spread(nic.get())));
            xpsError.set("");
            return Optional.of(p);
        } catch (IllegalArgumentException e) {
            xpsError.set(Messages.problem(e));
            return Optional.empty();
        }
    }

    private void updateRssPreview() {
        try {
            TableSpec spec = TableSpec.parse(rssTable.get());
            rssPreview.set(spec.build(IndirectionTable.ENI_SIZE, OptionalInt.of(Math.max(1, rssRings.get()))));
            rssError.set("");
        } catch (RssInputException e) {
            rssPreview.set(null);
            rssError.set(Messages.problem(e));
        }
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty rssKeyProperty() {
        return rssKey;
    }

    public StringProperty rssTableProperty() {
        return rssTable;
    }

    public IntegerProperty rssRingsProperty() {
        return rssRings;
    }

    public StringProperty rssErrorProperty() {
        return rssError;
    }

    public ObjectProperty<IndirectionTable> rssPreviewProperty() {
        return rssPreview;
    }

    public StringProperty xpsCpusProperty() {
        return xpsCpus;
    }

    public StringProperty xpsErrorProperty() {
        return xpsError;
    }
}
