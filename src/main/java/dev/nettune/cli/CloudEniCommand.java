package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.CloudConnection;
import dev.nettune.cloud.ClientToken;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.CloudPlan;
import dev.nettune.cloud.CloudPlanner;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.DeviceIndex;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.InstanceTypeInfo;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.PreflightCheck;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.RssPreflight;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.VSwitchId;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune cloud eni ...}: create, attach, detach, show, timeouts, rss. */
@Command(name = "eni", mixinStandardHelpOptions = true, description = "Elastic network interfaces: create, attach, detach, show, timeouts, custom RSS.",
        subcommands = {CloudEniCommand.Create.class, CloudEniCommand.Attach.class, CloudEniCommand.Detach.class, CloudEniCommand.Show.class,
            CloudEniCommand.Timeouts.class, CloudEniCommand.Rss.class})
final class CloudEniCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The three timeout options, shared by create and timeouts. */
    static final class TimeoutOptions {
        @Option(names = "--tcp-established", paramLabel = "S", description = "TcpEstablishedTimeout: 30, 60, 80, 100, 200, 300, 500, 700 or 910 (default 910).")
        Integer tcpEstablished;
        @Option(names = "--tcp-time-wait", paramLabel = "S", description = "TcpClosedAndTimeWaitTimeout: 3-15 (default 3; 15 behind an NLB/CLB).")
        Integer timeWait;
        @Option(names = "--udp", paramLabel = "S", description = "UdpTimeout: 10, 20, 30, 60, 80 or 100 (default 30; 100 behind an NLB/CLB).")
        Integer udp;

        boolean any() {
            return tcpEstablished != null || timeWait != null || udp != null;
        }

        ConnectionTrackingTimeouts over(ConnectionTrackingTimeouts base) {
            ConnectionTrackingTimeouts t = base;
            if (tcpEstablished != null) {
                t = t.withTcpEstablished(tcpEstablished);
            }
            if (timeWait != null) {
                t = t.withTcpClosedAndTimeWait(timeWait);
            }
            if (udp != null) {
                t = t.withUdp(udp);
            }
            return t;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an ENI (CreateNetworkInterface) with a ClientToken, so a retry never makes two.")
    static final class Create implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Option(names = "--vswitch", required = true, paramLabel = "VSW_ID", description = "VSwitch of the ENI (vsw-...).")
        String vSwitch;
        @Option(names = "--security-group", required = true, paramLabel = "SG_ID", description = "Security group (sg-...); repeat for up to 5.")
        List<String> groups;
        @Option(names = "--queues", paramLabel = "N", description = "Queue count (1-64, at most what the instance type allows).")
        Integer queues;
        @Option(names = "--name", paramLabel = "NAME", description = "ENI name.")
        String name;
        @Option(names = "--rss", paramLabel = "on|off", description = "Custom RSS (EnhancedNetwork.EnableRss) at create: on or off.")
        String rss;
        @Option(names = "--client-token", paramLabel = "TOKEN", description = "Idempotency token (default: a new one, printed in the plan).")
        String clientToken;
        @ArgGroup(exclusive = false)
        TimeoutOptions timeouts = new TimeoutOptions();

        Create(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EniSpec s = EniSpec.of(VSwitchId.of(vSwitch), groups.stream().map(SecurityGroupId::of).toList());
            if (clientToken != null) {
                s = s.withClientToken(new ClientToken(clientToken));
            }
            if (queues != null) {
                s = s.withQueueNumber(queues);
            }
            if (name != null) {
                s = s.withName(name);
            }
            if (rss != null) {
                s = s.withCustomRss(onOff(rss));
            }
            if (timeouts != null && timeouts.any()) {
                s = s.withTimeouts(timeouts.over(ConnectionTrackingTimeouts.DEFAULTS));
            }
            CloudPlan plan = CloudPlanner.create(CloudCommand.planRegion(context, options), s);
            return CloudCommand.showAndRun(context, options, plan, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    () -> CloudCommand.connect(context, options));
        }
    }

    static boolean onOff(String v) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes", "enable" -> true;
            case "off", "false", "no", "disable" -> false;
            default -> throw new CloudInputException(dev.nettune.Phrase.of("cloud.cli.notOnOff", "'{0}' is not on or off.", v));
        };
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = {"Attach an ENI to an instance (AttachNetworkInterface) and wait until it is InUse.",
                "ECS assigns the device index; --device-index is the one you expect, checked after the attach."})
    static final class Attach implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "ENI_ID")
        String eni;
        @Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID")
        String instance;
        @Option(names = "--device-index", paramLabel = "N", description = "The device index you expect (1 and up for a secondary ENI).")
        Integer deviceIndex;
        @Option(names = "--host", paramLabel = "HOST", description = "The instance's host (ssh alias, user@host:port, sandbox): "
                + "the attach is done when the guest shows a NIC with the ENI's MAC.")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();

        Attach(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            // Every argument is checked before the first API call: a bad --host must not be found after the attach.
            connection.check(host);
            Optional<DeviceIndex> expected = Optional.ofNullable(deviceIndex).map(DeviceIndex::of);
            expected.filter(DeviceIndex::isPrimary).ifPresent(d -> {
                throw new CloudInputException(CloudPlanner.PRIMARY_INDEX);
            });
            NetworkInterfaceId id = NetworkInterfaceId.of(eni);
            CloudPlan plan = CloudPlanner.attach(CloudCommand.planRegion(context, options), id, InstanceId.of(instance), expected);
            PrintWriter out = spec.commandLine().getOut();
            return CloudCommand.showAndRun(context, options, plan, out, spec.commandLine().getErr(),
                    () -> CloudCommand.connect(context, options), c -> {
                        if (host == null) {
                            return 0;
                        }
                        String mac = c.api().describeNetworkInterface(c.region(), id).map(NetworkInterface::macAddress).orElse("");
                        try (dev.nettune.host.Host h = CloudCommand.host(context, host, connection)) {
                            String nic = new dev.nettune.cloud.GuestNics(h).awaitNic(mac, java.time.Duration.ofSeconds(60), m -> out.println("  .. " + m.in(CliText.locale())));
                            out.println(CliText.format("cloud.guest.eniIs", h.name(), String.valueOf(id), nic));
                        }
                        return 0;
                    });
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Detach an ENI from its instance (DetachNetworkInterface); interrupts its traffic.")
    static final class Detach implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "ENI_ID")
        String eni;
        @Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID")
        String instance;

        Detach(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CloudPlan plan = CloudPlanner.detach(CloudCommand.planRegion(context, options), NetworkInterfaceId.of(eni), InstanceId.of(instance));
            return CloudCommand.showAndRun(context, options, plan, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    () -> CloudCommand.connect(context, options));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one ENI with its timeouts and custom RSS, or list the region's ENIs.")
    static final class Show implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", arity = "0..1", paramLabel = "ENI_ID")
        String eni;
        @Option(names = "--instance", paramLabel = "INSTANCE_ID", description = "Only the ENIs of this instance.")
        String instance;

        Show(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<NetworkInterfaceId> id = Optional.ofNullable(eni).map(NetworkInterfaceId::of);
            Optional<InstanceId> on = Optional.ofNullable(instance).map(InstanceId::of);
            PrintWriter out = spec.commandLine().getOut();
            try (CloudConnection c = CloudCommand.connect(context, options)) {
                if (id.isPresent()) {
                    NetworkInterface n = c.api().describeNetworkInterface(c.region(), id.get())
                            .orElseThrow(() -> noEni(id.get(), c.region()));
                    ConnectionTrackingTimeouts t = c.api().describeConnectionTracking(c.region(), id.get());
                    Optional<Boolean> rss = c.api().describeCustomRss(c.region(), id.get());
                    CliOutput.print(out, options.json, () -> {
                        Map<String, Object> m = eniJson(n);
                        m.put("tcpEstablishedTimeout", t.tcpEstablished());
                        m.put("tcpClosedAndTimeWaitTimeout", t.tcpClosedAndTimeWait());
                        m.put("udpTimeout", t.udp());
                        m.put("enableRss", rss.orElse(null));
                        return m;
                    }, o -> {
                        o.println(n);
                        o.println(CliText.format("cloud.eni.timeouts", t.phrase().in(CliText.locale())));
                        o.println(CliText.format("cloud.eni.customRss", CliText.get(rss.map(b -> b ? "cloud.eni.rssEnabled" : "cloud.eni.rssDisabled")
                                .orElse("cloud.eni.rssNeverSet"))));
                    });
                } else {
                    List<NetworkInterface> all = c.api().describeNetworkInterfaces(c.region(), on);
                    CliOutput.print(out, options.json, () -> all.stream().map(CloudEniCommand::eniJson).toList(), o -> {
                        CliOutput.Table table = new CliOutput.Table(o, "%-26s %-10s %-10s %-24s %-6s %-18s %s%n",
                                new int[] {26, 10, 10, 24, 6, 18}, CliText.get("cloud.col.eni"), CliText.get("cloud.col.type"),
                                CliText.get("cloud.col.status"), CliText.get("cloud.col.instance"), CliText.get("cloud.col.index"),
                                CliText.get("cloud.col.mac"), CliText.get("cloud.col.privateIp"));
                        for (NetworkInterface n : all) {
                            table.row(n.id(), n.type(), n.status(), n.instanceId(), n.deviceIndex(), n.macAddress(), n.privateIpAddress());
                        }
                    });
                }
                return 0;
            }
        }
    }

    /** The refusal when the region has no such ENI (an input error: exit 2, nothing changed). */
    static CloudInputException noEni(NetworkInterfaceId id, RegionId region) {
        return new CloudInputException(dev.nettune.Phrase.of("cloud.cli.noEni", "There is no ENI {0} in {1}.", id, region));
    }

    static Map<String, Object> eniJson(NetworkInterface n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkInterfaceId", n.id().value());
        m.put("name", n.name());
        m.put("type", n.type());
        m.put("status", n.status());
        m.put("instanceId", n.instanceId().map(Object::toString).orElse(null));
        m.put("deviceIndex", n.deviceIndex().orElse(null));
        m.put("macAddress", n.macAddress());
        m.put("privateIpAddress", n.privateIpAddress());
        m.put("securityGroupIds", n.securityGroups().stream().map(Object::toString).toList());
        m.put("queueNumber", n.queueNumber().orElse(null));
        return m;
    }

    @Command(name = "timeouts", mixinStandardHelpOptions = true,
            description = {"Show or set the connection-tracking timeouts of an ENI (ModifyNetworkInterfaceAttribute).",
                "New values apply to new connections only. Behind an NLB/CLB, match the listener's idle timeout."})
    static final class Timeouts implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "ENI_ID")
        String eni;
        @ArgGroup(exclusive = false)
        TimeoutOptions values = new TimeoutOptions();
        @Option(names = "--load-balancer-defaults", description = "Use the values ECS uses behind an NLB/CLB: TIME_WAIT 15 s, UDP 100 s.")
        boolean loadBalancerDefaults;

        Timeouts(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            NetworkInterfaceId id = NetworkInterfaceId.of(eni);
            TimeoutOptions v = values == null ? new TimeoutOptions() : values;
            // Validate the values before anything is sent.
            ConnectionTrackingTimeouts offline = v.over(loadBalancerDefaults ? ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS
                    : ConnectionTrackingTimeouts.DEFAULTS);
            PrintWriter out = spec.commandLine().getOut();
            boolean change = v.any() || loadBalancerDefaults;
            if (options.dryRun && change) {
                CloudPlan plan = CloudPlanner.timeouts(CloudCommand.planRegion(context, options), id, offline, Optional.empty());
                return CloudCommand.showAndRun(context, options, plan, out, spec.commandLine().getErr(), () -> CloudCommand.connect(context, options));
            }
            CloudConnection c = CloudCommand.connect(context, options);
            ConnectionTrackingTimeouts current = c.api().describeConnectionTracking(c.region(), id);
            if (!change) {
                try (c) {
                    CliOutput.print(out, options.json, () -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("networkInterfaceId", id.value());
                        m.put("tcpEstablishedTimeout", current.tcpEstablished());
                        m.put("tcpClosedAndTimeWaitTimeout", current.tcpClosedAndTimeWait());
                        m.put("udpTimeout", current.udp());
                        return m;
                    }, o -> {
                        o.println(id + ": " + current.phrase().in(CliText.locale()));
                        o.println("  " + ConnectionTrackingTimeouts.LOAD_BALANCER_PHRASE.in(CliText.locale()));
                    });
                    return 0;
                }
            }
            ConnectionTrackingTimeouts wanted = v.over(loadBalancerDefaults ? ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS : current);
            CloudPlan plan = CloudPlanner.timeouts(c.region(), id, wanted, Optional.of(current));
            return CloudCommand.showAndRun(context, options, plan, out, spec.commandLine().getErr(), () -> c);
        }
    }

    @Command(name = "rss", mixinStandardHelpOptions = true,
            description = {"Enable or disable custom RSS on an ENI (EnhancedNetwork.EnableRss), after a preflight:",
                "region, instance type RssSupport, image/kernel (Alibaba Cloud Linux 3 or kernel 6.12+), DPDK 21.11+ if DPDK drives the NIC.",
                "It takes effect after detaching and re-attaching a secondary ENI, or restarting the instance for the primary one;",
                "both interrupt service and need --yes (or a yes at the prompt). Custom RSS is in invitational preview."})
    static final class Rss implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        CloudOptions options;
        @Parameters(index = "0", paramLabel = "ENI_ID")
        String eni;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Switch onOff;
        @Option(names = "--kernel", paramLabel = "RELEASE", description = "The guest's kernel release (uname -r), if the image is not Alibaba Cloud Linux 3.")
        String kernel;
        @Option(names = "--dpdk", paramLabel = "VERSION", description = "DPDK will drive this NIC, at this version (21.11 or later needed).")
        String dpdk;
        @Option(names = "--ignore-preflight", description = "Go on even if a preflight check fails.")
        boolean ignorePreflight;
        @Option(names = "--host", paramLabel = "HOST", description = "The instance's host: after the change, read the NIC's RSS with ethtool -x.")
        String host;
        @Mixin
        HostConnectionOptions connection = new HostConnectionOptions();

        static final class Switch {
            @Option(names = "--enable", required = true)
            boolean enable;
            @Option(names = "--disable", required = true)
            boolean disable;
        }

        Rss(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            connection.check(host);
            if (kernel != null) {
                RssPreflight.checkKernelRelease(kernel);
            }
            if (dpdk != null) {
                RssPreflight.checkDpdkVersion(dpdk);
            }
            NetworkInterfaceId id = NetworkInterfaceId.of(eni);
            boolean enable = onOff.enable;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CloudConnection c = CloudCommand.connect(context, options);
            RegionId region = c.region();
            NetworkInterface n = c.api().describeNetworkInterface(region, id)
                    .orElseThrow(() -> noEni(id, region));
            if (enable) {
                Optional<CloudInstance> instance = n.instanceId().flatMap(i -> c.api().describeInstance(region, i));
                String type = instance.map(CloudInstance::instanceType).orElse("(not attached)");
                Optional<InstanceTypeInfo> info = instance.flatMap(i -> c.api().describeInstanceType(region, i.instanceType()));
                RssPreflight.Result pre = RssPreflight.check(new RssPreflight.Inputs(region, info, type, instance.map(CloudInstance::osName),
                        Optional.ofNullable(kernel), dpdk != null, Optional.ofNullable(dpdk)));
                if (!options.json) {
                    out.println(CliText.format("cloud.rss.preflight", String.valueOf(id)));
                    pre.checks().forEach(ch -> out.println("  " + ch.line().in(CliText.locale())));
                }
                if (pre.anyFailed() && !ignorePreflight) {
                    err.println(CliText.format("cloud.rss.preflightFailed", String.valueOf(pre.checks().stream()
                            .filter(x -> x.status() == PreflightCheck.Status.FAIL).map(x -> x.namePhrase().in(CliText.locale())).toList())));
                    c.close();
                    return 1;
                }
            }
            CloudPlan plan = CloudPlanner.customRss(region, n, enable);
            return CloudCommand.showAndRun(context, options, plan, out, err, () -> c, conn -> {
                if (host == null) {
                    return 0;
                }
                try (dev.nettune.host.Host h = CloudCommand.host(context, host, connection)) {
                    dev.nettune.cloud.GuestNics guest = new dev.nettune.cloud.GuestNics(h);
                    Optional<String> nic = guest.nicWithMac(n.macAddress());
                    if (nic.isEmpty()) {
                        out.println(CliText.format("cloud.guest.noNic", h.name(), n.macAddress()));
                        return 0;
                    }
                    out.println(CliText.format("cloud.guest.rss", h.name(), dev.nettune.cloud.GuestNics.describePhrase(guest.rss(nic.get()))
                            .in(CliText.locale())));
                }
                return 0;
            });
        }
    }
}
