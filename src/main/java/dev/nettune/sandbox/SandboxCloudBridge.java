package dev.nettune.sandbox;

import dev.nettune.sandbox.cloud.CloudEventListener;
import dev.nettune.sandbox.cloud.NicEvent;
import java.util.List;

/**
 * Joins the simulated region to the sandbox instance: when the region attaches an ENI to the
 * instance, a NIC {@code eth<DeviceIndex>} appears in the guest; when it detaches, the NIC goes; after a
 * start or reboot the guest reboots and its NICs follow the region (RSS enablement takes effect then,
 * as on ECS).
 */
public final class SandboxCloudBridge implements CloudEventListener {
    private final SandboxInstance instance;
    private final String instanceId;

    /** Follows the cloud instance {@code instanceId} (for the demo: DemoSeed.SANDBOX_INSTANCE). */
    public SandboxCloudBridge(SandboxInstance instance, String instanceId) {
        this.instance = instance;
        this.instanceId = instanceId;
    }

    @Override
    public void networkInterfaceAttached(NicEvent nic) {
        if (nic.instanceId() != null && nic.instanceId().equals(instanceId)) {
            instance.reconcileNic("eth" + nic.deviceIndex(), nic.macAddress(), queues(nic), nic.rssEnabled());
        }
    }

    @Override
    public void networkInterfaceDetached(NicEvent nic) {
        if (nic.instanceId() == null || nic.instanceId().equals(instanceId)) {
            instance.detachNic(nic.macAddress());
        }
    }

    @Override
    public void instanceStarted(String id, List<NicEvent> nics) {
        if (!id.equals(instanceId)) {
            return;
        }
        for (NicEvent nic : nics) {
            instance.reconcileNic("eth" + nic.deviceIndex(), nic.macAddress(), queues(nic), nic.rssEnabled());
        }
        instance.reboot();
    }

    private static int queues(NicEvent nic) {
        return Math.max(1, Math.min(64, nic.queueNumber()));
    }
}
