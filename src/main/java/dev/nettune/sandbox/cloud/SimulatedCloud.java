package dev.nettune.sandbox.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of the simulated regions behind the local OpenAPI server: regions, zones, VPCs, instance
 * types, instances, ENIs, security groups and EIPs, with asynchronous state transitions (Attaching,
 * Detaching, Stopping, ...) that complete after a configurable delay on an injectable clock.
 * Thread-safe: every read and change holds this object's monitor; listeners are called outside it.
 */
public final class SimulatedCloud {
    final Map<String, CloudModel.Region> regions = new LinkedHashMap<>();
    final Map<String, CloudModel.Zone> zones = new LinkedHashMap<>();
    final Map<String, CloudModel.Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, CloudModel.VSwitch> vSwitches = new LinkedHashMap<>();
    final Map<String, CloudModel.InstanceType> instanceTypes = new LinkedHashMap<>();
    final Map<String, CloudModel.Image> images = new LinkedHashMap<>();
    final Map<String, CloudModel.Instance> instances = new LinkedHashMap<>();
    final Map<String, CloudModel.NetworkInterface> networkInterfaces = new LinkedHashMap<>();
    final Map<String, CloudModel.SecurityGroup> securityGroups = new LinkedHashMap<>();
    final Map<String, CloudModel.Eip> eips = new LinkedHashMap<>();
    /** Cloud Assistant invocations by "InvokeId/InstanceId". */
    final Map<String, CloudModel.Invocation> invocations = new LinkedHashMap<>();
    /** The Cloud Assistant agent of each instance that has one installed; absent or offline ones do not run scripts. */
    private final Map<String, GuestAgent> agents = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> agentsOffline = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** ClientToken idempotency: "Action/region/token" to the id the first call created. */
    final Map<String, String> clientTokens = new HashMap<>();

    private final Clock clock;
    private final Random random;
    private final List<Transition> pending = new ArrayList<>();
    private final List<Consumer<CloudEventListener>> events = new ArrayList<>();
    private final List<CloudEventListener> listeners = new CopyOnWriteArrayList<>();
    /** Taken before this object's monitor, never after: listeners hear events one batch at a time, in order. */
    private final Object fireLock = new Object();
    private volatile Duration transitionDelay = Duration.ZERO;
    private volatile boolean rssPreviewGranted = true;
    private long sequence;

    private record Transition(Instant due, long order, Runnable change) {
    }

    public SimulatedCloud(Clock clock, long idSeed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new Random(idSeed);
    }

    /** An empty region set on the system clock. */
    public static SimulatedCloud empty() {
        return new SimulatedCloud(Clock.systemUTC(), 20261122L);
    }

    public Clock clock() {
        return clock;
    }

    /** How long Attaching, Detaching, Stopping, Starting, Associating ... last; zero means "by the next call". */
    public void setTransitionDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("transition delay must be zero or positive, was " + delay);
        }
        this.transitionDelay = delay;
    }

    public Duration transitionDelay() {
        return transitionDelay;
    }

    /** Whether this account was admitted to the custom-RSS invitational preview; the demo says yes. */
    public void setRssPreviewGranted(boolean granted) {
        this.rssPreviewGranted = granted;
    }

    public boolean rssPreviewGranted() {
        return rssPreviewGranted;
    }

    public void addListener(CloudEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(CloudEventListener listener) {
        listeners.remove(listener);
    }

    /** Completes every transition that is due now, then tells the listeners. */
    public void applyDueTransitions() {
        synchronized (fireLock) {
            List<Consumer<CloudEventListener>> toFire;
            synchronized (this) {
                Instant now = clock.instant();
                pending.sort(Comparator.comparing(Transition::due).thenComparingLong(Transition::order));
                while (!pending.isEmpty() && !pending.get(0).due().isAfter(now)) {
                    pending.remove(0).change().run();
                }
                toFire = drainEvents();
            }
            fire(toFire);
        }
    }

    /** Completes every pending transition at once, whatever the clock says (tests step with this). */
    public void settle() {
        synchronized (fireLock) {
            List<Consumer<CloudEventListener>> toFire;
            synchronized (this) {
                while (!pending.isEmpty()) {
                    pending.sort(Comparator.comparing(Transition::due).thenComparingLong(Transition::order));
                    pending.remove(0).change().run();
                }
                toFire = drainEvents();
            }
            fire(toFire);
        }
    }

    public synchronized int pendingTransitions() {
        return pending.size();
    }

    /** Tells the listeners what the last calls changed (the server calls this after each answer). */
    void fireQueuedEvents() {
        synchronized (fireLock) {
            List<Consumer<CloudEventListener>> toFire;
            synchronized (this) {
                toFire = drainEvents();
            }
            fire(toFire);
        }
    }

    synchronized void schedule(Runnable change) {
        schedule(transitionDelay, change);
    }

    synchronized void schedule(Duration after, Runnable change) {
        pending.add(new Transition(clock.instant().plus(after), sequence++, change));
    }

    synchronized void queueEvent(Consumer<CloudEventListener> event) {
        events.add(event);
    }

    private List<Consumer<CloudEventListener>> drainEvents() {
        List<Consumer<CloudEventListener>> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    private void fire(List<Consumer<CloudEventListener>> toFire) {
        for (Consumer<CloudEventListener> event : toFire) {
            for (CloudEventListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    // A broken listener must not break the region; the demo wiring logs its own failures.
                    org.slf4j.LoggerFactory.getLogger(SimulatedCloud.class).warn("cloud event listener failed", e);
                }
            }
        }
    }

    // ---- Cloud Assistant ---------------------------------------------------------------------------

    /** Installs the Cloud Assistant agent of {@code instanceId}: RunCommand scripts run through it. */
    public void installAgent(String instanceId, GuestAgent agent) {
        agents.put(Objects.requireNonNull(instanceId, "instanceId"), Objects.requireNonNull(agent, "agent"));
    }

    /** Stops (false) or starts (true) the agent: offline, DescribeCloudAssistantStatus says false and scripts fail with ClientNotRunning. */
    public void setAgentOnline(String instanceId, boolean online) {
        if (online) {
            agentsOffline.remove(instanceId);
        } else {
            agentsOffline.add(instanceId);
        }
    }

    /** Removes the agent of {@code instanceId}: DescribeCloudAssistantStatus no longer lists it (not installed). */
    public void uninstallAgent(String instanceId) {
        agents.remove(instanceId);
    }

    /** The running agent of an instance, or null when it has none or it is offline. */
    GuestAgent agent(String instanceId) {
        return agentsOffline.contains(instanceId) ? null : agents.get(instanceId);
    }

    boolean hasAgentInstalled(String instanceId) {
        return agents.containsKey(instanceId);
    }

    /** Sets a tag on an instance (the sandbox's fleet instances carry {@code fleet=demo}). */
    public synchronized void tagInstance(String instanceId, String key, String value) {
        CloudModel.Instance i = instances.get(instanceId);
        if (i == null) {
            throw new IllegalArgumentException("There is no instance " + instanceId + " in the simulated region.");
        }
        i.tags.put(key, value);
    }

    // ---- ids and addresses ------------------------------------------------------------------------

    /** A resource id shaped like the real ones: prefix, the region's two-letter code, then 18 lowercase alphanumerics. */
    synchronized String newId(String prefix, String regionId) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix).append('-').append(regionCode(regionId));
        for (int i = 0; i < 18; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String regionCode(String regionId) {
        return switch (regionId) {
            case "cn-hongkong" -> "j6";
            case "cn-hangzhou" -> "bp";
            case "cn-shanghai" -> "uf";
            case "ap-southeast-1" -> "t4";
            default -> "xx";
        };
    }

    /** A MAC in Alibaba Cloud's 00:16:3e range, unique in this region set. */
    synchronized String newMac() {
        while (true) {
            String mac = String.format("00:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
            if (networkInterfaces.values().stream().noneMatch(n -> n.mac.equals(mac))) {
                return mac;
            }
        }
    }

    /** The next free host address in a VSwitch's /24 or larger block, from .20 up (lower ones are the seed's). */
    synchronized String newPrivateIp(CloudModel.VSwitch vSwitch) {
        String base = vSwitch.cidr().substring(0, vSwitch.cidr().indexOf('/'));
        String[] octets = base.split("\\.");
        String prefix = octets[0] + "." + octets[1] + "." + octets[2] + ".";
        for (int host = 20; host < 254; host++) {
            String ip = prefix + host;
            if (!ipInUse(ip, vSwitch.id())) {
                return ip;
            }
        }
        throw new OpenApiException(403, "QuotaExceed.PrivateIpAddress", "The VSwitch " + vSwitch.id() + " has no free private IP address left.");
    }

    synchronized boolean ipInUse(String ip, String vSwitchId) {
        return networkInterfaces.values().stream().anyMatch(n -> n.vSwitchId.equals(vSwitchId) && n.privateIp.equals(ip));
    }

    // ---- lookups that answer with the real not-found codes ----------------------------------------

    synchronized CloudModel.Region region(String regionId) {
        CloudModel.Region region = regions.get(regionId);
        if (region == null) {
            throw new OpenApiException(404, "InvalidRegionId.NotFound", "The specified RegionId \"" + regionId + "\" does not exist.");
        }
        return region;
    }

    synchronized Optional<CloudModel.Instance> findInstance(String regionId, String id) {
        return Optional.ofNullable(instances.get(id)).filter(i -> i.regionId.equals(regionId));
    }

    synchronized Optional<CloudModel.NetworkInterface> findEni(String regionId, String id) {
        return Optional.ofNullable(networkInterfaces.get(id)).filter(n -> n.regionId.equals(regionId));
    }

    synchronized Optional<CloudModel.SecurityGroup> findSecurityGroup(String regionId, String id) {
        return Optional.ofNullable(securityGroups.get(id)).filter(g -> g.regionId.equals(regionId));
    }

    synchronized Optional<CloudModel.VSwitch> findVSwitch(String regionId, String id) {
        return Optional.ofNullable(vSwitches.get(id)).filter(v -> v.regionId().equals(regionId));
    }

    synchronized Optional<CloudModel.Eip> findEip(String regionId, String allocationId) {
        return Optional.ofNullable(eips.get(allocationId)).filter(e -> e.regionId.equals(regionId));
    }

    synchronized List<CloudModel.NetworkInterface> enisOf(String instanceId) {
        return networkInterfaces.values().stream()
                .filter(n -> instanceId.equals(n.instanceId) && !"Attaching".equals(n.status))
                .sorted(Comparator.comparingInt(n -> n.deviceIndex))
                .toList();
    }

    static NicEvent nicEvent(CloudModel.NetworkInterface eni) {
        return new NicEvent(eni.instanceId, eni.id, eni.mac, eni.deviceIndex, eni.queueNumber, eni.rssEffective, eni.primary);
    }

    // ---- read-only views for the demo wiring and tests ---------------------------------------------

    /** The instance's status as DescribeInstances would report it, if the instance exists. */
    public synchronized Optional<String> instanceStatus(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId)).map(i -> i.status);
    }

    /** The ENI's status as DescribeNetworkInterfaces would report it, if the ENI exists. */
    public synchronized Optional<String> networkInterfaceStatus(String eniId) {
        return Optional.ofNullable(networkInterfaces.get(eniId)).map(n -> n.status);
    }

    /** The NICs the guest of an instance currently sees (InUse ENIs), ordered by device index. */
    public synchronized List<NicEvent> nicsOf(String instanceId) {
        return networkInterfaces.values().stream()
                .filter(n -> instanceId.equals(n.instanceId) && ("InUse".equals(n.status) || "Detaching".equals(n.status)))
                .sorted(Comparator.comparingInt(n -> n.deviceIndex))
                .map(SimulatedCloud::nicEvent)
                .toList();
    }

    /** How many ENIs exist in all regions (tests use it to prove idempotency). */
    public synchronized int networkInterfaceCount() {
        return networkInterfaces.size();
    }
}
