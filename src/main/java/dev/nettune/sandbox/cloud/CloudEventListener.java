package dev.nettune.sandbox.cloud;

import java.util.List;

/**
 * Hears the simulated region's asynchronous transitions, so that the demo can make a NIC appear in
 * (or vanish from) the sandbox instance. Called outside the region's lock, on the server's threads.
 */
public interface CloudEventListener {

    /** An ENI reached InUse on an instance. */
    default void networkInterfaceAttached(NicEvent nic) {
    }

    /** An ENI left an instance (reached Available). */
    default void networkInterfaceDetached(NicEvent nic) {
    }

    /** An instance came back to Running after a start or reboot; {@code nics} are its NICs as the guest now sees them. */
    default void instanceStarted(String instanceId, List<NicEvent> nics) {
    }

    /** An instance reached Stopped. */
    default void instanceStopped(String instanceId) {
    }
}
