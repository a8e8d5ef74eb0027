package dev.nettune.fleet;

import java.util.Objects;

/** One member of a run: its place in the order given (0 first; the canary comes first), the target and how it is reached. */
public record FleetInstance(int position, FleetTarget target, TransportChoice reach) {
    public FleetInstance {
        if (position < 0) {
            throw new FleetInputException(dev.nettune.Phrase.of("fleet.instance.position", "A position in the fleet counts from 0; got {0}.", position));
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reach, "reach");
    }

    /** The name the tuning journal files this instance's plans under (the instance id, or the host as given). */
    public String hostName() {
        return target.name();
    }

    @Override
    public String toString() {
        return target.name();
    }
}
