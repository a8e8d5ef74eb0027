package dev.nettune.ui.cloud.production;

import dev.nettune.tuning.NetworkManagerChange;
import dev.nettune.tuning.Profile;
import java.util.List;
import javafx.beans.property.StringProperty;

/** Seed step 7: NetworkManager leaves the secondary NIC alone, so it does not undo the NIC's tuning. */
public final class NetworkManagerStepModel extends HostStepModel {
    public NetworkManagerStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("networkmanager", "NetworkManager", work, host, nic);
        inputsAre();
    }

    @Override
    public String why() {
        return "NetworkManager reconfigures the NICs it manages when it restarts or the link flaps, which can drop channels, XPS and"
                + " RSS settings. The seed runs `nmcli dev set eth1 managed no` and restarts NetworkManager; NetTune sets the NIC"
                + " unmanaged (no restart needed) and the persistence step keeps it so across restarts. A host without NetworkManager"
                + " needs nothing.";
    }

    @Override
    public Profile profile() {
        return new Profile("Production setup: NetworkManager", "seed step 7", List.of(NetworkManagerChange.unmanage(nic.get())));
    }
}
