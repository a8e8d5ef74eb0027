package dev.nettune.sandbox.cloud;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the simulated region's ENI attachments visible inside one simulated guest: an ENI that reaches
 * InUse on the instance appears there as a NIC (same MAC, queue count, custom RSS on or off), a
 * detached one vanishes, and a restart hands the guest its NICs as they now are (the primary ENI's
 * RSS change takes effect on restart). The guest is reached through two method references, e.g.
 * {@code new GuestNicBridge(DemoSeed.SANDBOX_INSTANCE, sandbox::attachNic, sandbox::detachNic, nics -> sandbox.reboot())}.
 */
public final class GuestNicBridge implements CloudEventListener {

    /** How a guest grows a NIC: name (null: next free ethN), MAC, queues, custom RSS; returns the interface name. */
    @FunctionalInterface
    public interface Attach {
        String attachNic(String name, String mac, int queues, boolean rssEnabled);
    }

    /** How a guest loses the NIC with this MAC; false if it had none. */
    @FunctionalInterface
    public interface Detach {
        boolean detachNic(String mac);
    }

    private final String instanceId;
    private final Attach attach;
    private final Detach detach;
    private final Consumer<List<NicEvent>> restarted;

    public GuestNicBridge(String instanceId, Attach attach, Detach detach, Consumer<List<NicEvent>> restarted) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.attach = Objects.requireNonNull(attach, "attach");
        this.detach = Objects.requireNonNull(detach, "detach");
        this.restarted = Objects.requireNonNull(restarted, "restarted");
    }

    /** Listens on {@code cloud} and returns this bridge. */
    public GuestNicBridge connect(SimulatedCloud cloud) {
        cloud.addListener(this);
        return this;
    }

    @Override
    public void networkInterfaceAttached(NicEvent nic) {
        if (instanceId.equals(nic.instanceId())) {
            attach.attachNic(null, nic.macAddress(), nic.queueNumber(), nic.rssEnabled());
        }
    }

    @Override
    public void networkInterfaceDetached(NicEvent nic) {
        if (instanceId.equals(nic.instanceId())) {
            detach.detachNic(nic.macAddress());
        }
    }

    @Override
    public void instanceStarted(String startedId, List<NicEvent> nics) {
        if (instanceId.equals(startedId)) {
            restarted.accept(nics);
        }
    }
}
