package dev.nettune.ui.profiles;

import dev.nettune.ui.common.Messages;
import dev.nettune.tuning.ChannelChange;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.TuningInputException;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The profile editor's channels section: the NIC's combined channel count, empty to keep the NIC's. */
public final class ChannelsSectionModel implements ProfileSection {
    private final StringProperty channels = new SimpleStringProperty("");
    private final StringProperty channelsError = new SimpleStringProperty("");

    private String ch = "";

    ChannelsSectionModel() {
    }

    @Override
    public List<ObservableValue<?>> inputs() {
        return List.of(channels);
    }

    @Override
    public void clear() {
        ch = "";
    }

    @Override
    public boolean take(ProfileEntry e, Consumer<String> nic) {
        if (e instanceof ChannelChange c) {
            ch = Integer.toString(c.combined());
            nic.accept(c.nic());
            return true;
        }
        return false;
    }

    @Override
    public void show() {
        channels.set(ch);
    }

    @Override
    public boolean validate(String nic, boolean nicOk, List<ProfileEntry> entries) {
        boolean ok = true;
        channelsError.set("");
        if (!channels.get().isBlank() && nicOk) {
            try {
                entries.add(new ChannelChange(nic, Integer.parseInt(channels.get().strip())));
            } catch (NumberFormatException e) {
                channelsError.set(Messages.format("profiles.channels.notNumber", channels.get().strip()));
            } catch (TuningInputException e) {
                channelsError.set(Messages.problem(e));
            }
            ok = channelsError.get().isEmpty();
        }
        return ok;
    }

    public StringProperty channelsProperty() {
        return channels;
    }

    public StringProperty channelsErrorProperty() {
        return channelsError;
    }
}
