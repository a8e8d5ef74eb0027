package dev.nettune.cloud;

import java.util.Objects;

/** A region the account can use, as DescribeRegions lists it: its id and its local name ("China (Hong Kong)"). */
public record CloudRegion(RegionId id, String localName) {
    public CloudRegion {
        Objects.requireNonNull(id, "id");
        localName = localName == null ? "" : localName.strip();
    }

    /** {@code cn-hongkong — China (Hong Kong)}, or the id alone when the API gives no name. */
    public String display() {
        return localName.isEmpty() ? id.value() : id.value() + " \u2014 " + localName;
    }

    @Override
    public String toString() {
        return display();
    }
}
