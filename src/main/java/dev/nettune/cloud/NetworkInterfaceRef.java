package dev.nettune.cloud;

import java.util.Objects;

/**
 * An ENI a plan step works on: one that exists, or the one an earlier step of the same plan creates
 * (known by that step's ClientToken until the API has given it an id).
 */
public sealed interface NetworkInterfaceRef {
    /** How the ENI reads in a plan: its id, or "the ENI created by step N". */
    String display();

    /** An ENI that exists. */
    record Existing(NetworkInterfaceId id) implements NetworkInterfaceRef {
        public Existing {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String display() {
            return id.value();
        }
    }

    /** The ENI created, in the same plan, by the CreateNetworkInterface step with this token. */
    record Created(ClientToken token) implements NetworkInterfaceRef {
        public Created {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String display() {
            return "(new ENI)";
        }
    }

    static NetworkInterfaceRef of(NetworkInterfaceId id) {
        return new Existing(id);
    }
}
