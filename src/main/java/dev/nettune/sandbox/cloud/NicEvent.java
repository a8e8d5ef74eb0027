package dev.nettune.sandbox.cloud;

/**
 * What a guest sees when the simulated region attaches or detaches an ENI: which instance, which
 * interface (MAC), its device index, queue count and whether custom RSS is in effect on it.
 */
public record NicEvent(String instanceId, String networkInterfaceId, String macAddress, int deviceIndex,
                       int queueNumber, boolean rssEnabled, boolean primary) {
}
