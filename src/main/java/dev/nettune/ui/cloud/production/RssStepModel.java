package dev.nettune.ui.cloud.production;

import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The RSS key and indirection table of the NIC (custom RSS must be on for the ENI, the cloud part's last setting). */
public final class RssStepModel extends HostStepModel {
    /** 40 bytes as colon-separated hex; blank keeps the key. */
    public final StringProperty key = new SimpleStringProperty("");
    /** An {@code ethtool -X} request such as "equal 4" or "weight 1 1 2 2"; blank keeps the table. */
    public final StringProperty table = new SimpleStringProperty("equal 4");

    public RssStepModel(HostWork work, StringProperty host, StringProperty nic) {
        super("rss", "RSS key and table", work, host, nic);
        inputsAre(key, table);
    }

    @Override
    public String why() {
        return "With custom RSS on, the ENI hashes each flow's 4-tuple with this key (Toeplitz) and sends it to the queue in the"
                + " table's bucket (hash mod 128). The Calculator shows where a given flow lands. The value is pushed even when it"
                + " looks unchanged after a channel change, because virtio-net then stops using the table it still shows.";
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
            throw new IllegalArgumentException("Give a key, a table request (for example equal 4), or both; or skip this step.");
        }
        return out;
    }

    @Override
    public Profile profile() {
        return new Profile("Production setup: RSS", "RSS key and table of " + nic.get(), entries());
    }
}
