package dev.nettune.sandbox;

import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.SimulatedCloud;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox region's fleet: one simulated instance per {@link DemoSeed#FLEET_INSTANCES} id, each named
 * by its instance id, with its Cloud Assistant agent installed, so a newcomer can try a fleet run
 * ({@code nettune fleet apply --tag fleet=demo --endpoint sandbox}). Faults per instance:
 * {@link #instance(String)}{@code .faults()} (a failing instance), {@link SimulatedCloud#setAgentOnline}
 * (an agent offline); throttling through the server's fault injector.
 */
public final class SandboxFleet {
    private final Map<String, SandboxInstance> instances;

    private SandboxFleet(Map<String, SandboxInstance> instances) {
        this.instances = Collections.unmodifiableMap(instances);
    }

    /** Adds the fleet's instances to {@code cloud} (a demo region), creates their guests and installs their agents. */
    public static SandboxFleet install(SimulatedCloud cloud) {
        DemoSeed.addFleet(cloud);
        Map<String, SandboxInstance> m = new LinkedHashMap<>();
        int n = 0;
        for (String id : DemoSeed.FLEET_INSTANCES) {
            SandboxInstance guest = new SandboxInstance(1000 + n++, 4, 4).named(id);
            cloud.installAgent(id, new SandboxCloudAssistant(guest));
            m.put(id, guest);
        }
        return new SandboxFleet(m);
    }

    /** The guest of one fleet instance. */
    public SandboxInstance instance(String instanceId) {
        SandboxInstance s = instances.get(instanceId);
        if (s == null) {
            throw new IllegalArgumentException("There is no sandbox fleet instance " + instanceId + "; they are "
                    + String.join(", ", instances.keySet()) + ".");
        }
        return s;
    }

    /** Every guest by instance id, in the seed's order. */
    public Map<String, SandboxInstance> instances() {
        return instances;
    }
}
