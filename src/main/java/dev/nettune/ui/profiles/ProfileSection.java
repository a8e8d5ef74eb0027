package dev.nettune.ui.profiles;

import dev.nettune.tuning.ProfileEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * One section of the profile editor (one kind of change): its fields, the entries of a loaded profile it shows,
 * and the entries its fields make. The editor asks every section in turn, so the order of the sections is the
 * order of the profile's entries.
 */
interface ProfileSection {
    /** The fields whose every change re-validates the editor. */
    List<ObservableValue<?>> inputs();

    /** Forgets what an earlier load took: the section shows an empty profile until {@link #show()}. */
    void clear();

    /**
     * Takes {@code e} when the section has a field for it, telling {@code nic} the NIC it names (if any);
     * false leaves it to the next section.
     */
    boolean take(ProfileEntry e, Consumer<String> nic);

    /** Sets the fields from the entries taken since {@link #clear()}. */
    void show();

    /**
     * Checks the fields, sets each field's message, and adds the entries they make to {@code entries};
     * false when a field is wrong.
     */
    boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries);
}
