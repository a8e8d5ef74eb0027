package dev.nettune.ui.cloud.production;

import dev.nettune.ui.common.Messages;

import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.Profile;
import java.util.List;
import javafx.beans.property.StringProperty;

/** Seed step 7: NetworkManager leaves the secondary NIC alone, so it does not undo the NIC's tuning. */
public final class NetworkManagerStepModel extends HostStepModel {
    public NetworkManagerStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("networkmanager", Messages.get("production.step.title.networkmanager"), work, host, nic);
        inputsAre();
    }

    @Override
    public String why() {
        return Messages.get("production.step.why.networkmanager");
    }

    @Override
    public Profile profile() {
        return new Profile(profileName(), Messages.format("production.profile.seedStep", "7"), List.of(NetworkManagerChange.unmanage(nic.get())));
    }
}
