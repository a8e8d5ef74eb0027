package dev.nettune.sandbox.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sandbox's starting state, laid out like the seed's scenario: in cn-hongkong (where custom RSS is
 * rolled out) a VPC with two VSwitches and a security group; the sandbox instance (ecs.g9i.xlarge,
 * Alibaba Cloud Linux 3) with its primary ENI; one Available secondary ENI at 10.0.0.5 (the seed's
 * accepter address); the sender instance at 10.0.0.252 (ecs.g7.large, no RSS support); one unbound
 * EIP. ap-southeast-1 has a VPC but no custom RSS yet; cn-hangzhou and cn-shanghai are listed only.
 */
public final class DemoSeed {
    public static final String REGION = "cn-hongkong";
    public static final String ZONE_B = "cn-hongkong-b";
    public static final String ZONE_C = "cn-hongkong-c";
    public static final String VPC = "vpc-j6c0sandbox000000001";
    public static final String VSWITCH_B = "vsw-j6c0sandbox00000001b";
    public static final String VSWITCH_C = "vsw-j6c0sandbox00000001c";
    public static final String SECURITY_GROUP = "sg-j6c0sandbox0000000001";
    /** THE sandbox instance of the hosts area: ENIs attached here appear as NICs in the simulated guest. */
    public static final String SANDBOX_INSTANCE = "i-j6c0sandboxrss000001";
    public static final String SANDBOX_PRIMARY_ENI = "eni-j6c0sandboxprimary01";
    public static final String SANDBOX_PRIMARY_IP = "10.0.0.10";
    public static final String SECONDARY_ENI = "eni-j6c0sandboxsecond01";
    public static final String SECONDARY_ENI_IP = "10.0.0.5";
    public static final String SENDER_INSTANCE = "i-j6c0sandboxsender0001";
    public static final String SENDER_PRIMARY_ENI = "eni-j6c0sandboxsender001";
    public static final String SENDER_IP = "10.0.0.252";
    public static final String EIP = "eip-j6c0sandbox0000000001";
    public static final String EIP_ADDRESS = "47.242.10.8";
    public static final String IMAGE_ALINUX3 = "aliyun_3_x64_20G_alibase_20250629.vhd";

    /** A region where custom RSS is not rolled out yet, with a VPC, VSwitch and security group of its own. */
    public static final String NO_RSS_REGION = "ap-southeast-1";
    public static final String NO_RSS_VSWITCH = "vsw-t4n0sandbox00000001a";
    public static final String NO_RSS_SECURITY_GROUP = "sg-t4n0sandbox0000000001";

    /** The fleet: a dozen instances in zone C (10.0.1.101-112) tagged {@code fleet=demo}; their agents come from the sandbox. */
    public static final List<String> FLEET_INSTANCES = java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(n -> String.format("i-j6c0sandboxfleet%04d", n)).toList();
    public static final String FLEET_TAG_KEY = "fleet";
    public static final String FLEET_TAG_VALUE = "demo";

    private DemoSeed() {
    }

    /** A fresh region set with the demo's resources, on the given clock, transitions instant until configured. */
    public static SimulatedCloud create(Clock clock) {
        SimulatedCloud cloud = new SimulatedCloud(clock, 20261122L);
        Instant created = clock.instant().minus(Duration.ofDays(3));
        synchronized (cloud) {
            regions(cloud);
            instanceTypes(cloud);
            cloud.images.put(IMAGE_ALINUX3, new CloudModel.Image(IMAGE_ALINUX3, "Alibaba Cloud Linux  3.2104 LTS 64位",
                    "Alibaba Cloud Linux  3.2104 LTS 64 bit", "linux"));

            cloud.vpcs.put(VPC, new CloudModel.Vpc(VPC, REGION, "nettune-sandbox", "10.0.0.0/16"));
            cloud.vSwitches.put(VSWITCH_B, new CloudModel.VSwitch(VSWITCH_B, REGION, VPC, ZONE_B, "sandbox-b", "10.0.0.0/24"));
            cloud.vSwitches.put(VSWITCH_C, new CloudModel.VSwitch(VSWITCH_C, REGION, VPC, ZONE_C, "sandbox-c", "10.0.1.0/24"));
            CloudModel.SecurityGroup sg = new CloudModel.SecurityGroup();
            sg.id = SECURITY_GROUP;
            sg.name = "nettune-sandbox";
            sg.description = "Sandbox: SSH and ICMP in; the seed's 8000/9000 rule is for you to add";
            sg.regionId = REGION;
            sg.vpcId = VPC;
            sg.created = created;
            sg.rules.add(new CloudModel.Rule("sgr-j6c0sandboxssh00001", "ingress", "tcp", "22/22", "0.0.0.0/0", "", 1,
                    "accept", "intranet", "SSH", created));
            sg.rules.add(new CloudModel.Rule("sgr-j6c0sandboxicmp0001", "ingress", "icmp", "-1/-1", "10.0.0.0/8", "", 1,
                    "accept", "intranet", "ping inside the VPC", created));
            cloud.securityGroups.put(sg.id, sg);

            instance(cloud, SANDBOX_INSTANCE, "nettune-sandbox-accepter", "ecs.g9i.xlarge", SANDBOX_PRIMARY_ENI,
                    SANDBOX_PRIMARY_IP, "00:16:3e:0a:00:0a", created, 4);
            instance(cloud, SENDER_INSTANCE, "nettune-sandbox-sender", "ecs.g7.large", SENDER_PRIMARY_ENI,
                    SENDER_IP, "00:16:3e:0a:00:fc", created, 2);

            CloudModel.NetworkInterface secondary = eni(cloud, SECONDARY_ENI, SECONDARY_ENI_IP, "00:16:3e:0a:00:05", created);
            secondary.name = "rss-test-eth1";
            secondary.description = "Secondary ENI for the custom RSS test (the seed's 10.0.0.5)";
            secondary.queueNumber = 4;

            CloudModel.Eip eip = new CloudModel.Eip();
            eip.allocationId = EIP;
            eip.ipAddress = EIP_ADDRESS;
            eip.regionId = REGION;
            eip.name = "sandbox-ingress";
            eip.allocated = created;
            cloud.eips.put(eip.allocationId, eip);

            cloud.vpcs.put("vpc-t4n0sandbox000000001", new CloudModel.Vpc("vpc-t4n0sandbox000000001", NO_RSS_REGION, "sandbox-sg", "172.16.0.0/16"));
            cloud.vSwitches.put(NO_RSS_VSWITCH, new CloudModel.VSwitch(NO_RSS_VSWITCH, NO_RSS_REGION, "vpc-t4n0sandbox000000001",
                    "ap-southeast-1a", "sandbox-sg-a", "172.16.0.0/24"));
            CloudModel.SecurityGroup sg2 = new CloudModel.SecurityGroup();
            sg2.id = NO_RSS_SECURITY_GROUP;
            sg2.name = "sandbox-sg";
            sg2.regionId = NO_RSS_REGION;
            sg2.vpcId = "vpc-t4n0sandbox000000001";
            sg2.created = created;
            cloud.securityGroups.put(sg2.id, sg2);
        }
        return cloud;
    }

    /** The fleet's own security group, so the seeded group keeps the two instances it has always had. */
    public static final String FLEET_SECURITY_GROUP = "sg-j6c0sandboxfleet00001";

    /**
     * Adds the fleet to a demo region: twelve running instances in zone C tagged {@code fleet=demo} (and
     * {@code role=web|cache}) with their primary ENIs. Their Cloud Assistant agents are installed by the
     * sandbox ({@code SandboxFleet}). Does nothing if they are there already.
     */
    public static void addFleet(SimulatedCloud cloud) {
        synchronized (cloud) {
            if (cloud.instances.containsKey(FLEET_INSTANCES.get(0))) {
                return;
            }
            Instant created = cloud.clock().instant().minus(Duration.ofDays(1));
            CloudModel.SecurityGroup sg = new CloudModel.SecurityGroup();
            sg.id = FLEET_SECURITY_GROUP;
            sg.name = "nettune-fleet";
            sg.description = "Sandbox fleet: SSH in";
            sg.regionId = REGION;
            sg.vpcId = VPC;
            sg.created = created;
            sg.rules.add(new CloudModel.Rule("sgr-j6c0sandboxfleetssh1", "ingress", "tcp", "22/22", "10.0.0.0/8", "", 1,
                    "accept", "intranet", "SSH", created));
            cloud.securityGroups.put(sg.id, sg);
            for (int n = 0; n < FLEET_INSTANCES.size(); n++) {
                String id = FLEET_INSTANCES.get(n);
                instance(cloud, id, String.format("nettune-fleet-%02d", n + 1), "ecs.g9i.xlarge",
                        String.format("eni-j6c0sandboxfleet%04d", n + 1), "10.0.1." + (101 + n),
                        String.format("00:16:3e:0a:01:%02x", 101 + n), created, 4);
                CloudModel.Instance i = cloud.instances.get(id);
                CloudModel.NetworkInterface eni = cloud.networkInterfaces.get(i.primaryEniId);
                i.zoneId = ZONE_C;
                i.vSwitchId = VSWITCH_C;
                eni.zoneId = ZONE_C;
                eni.vSwitchId = VSWITCH_C;
                i.securityGroupIds.clear();
                i.securityGroupIds.add(FLEET_SECURITY_GROUP);
                eni.securityGroupIds.clear();
                eni.securityGroupIds.add(FLEET_SECURITY_GROUP);
                i.tags.put(FLEET_TAG_KEY, FLEET_TAG_VALUE);
                i.tags.put("role", n % 2 == 0 ? "web" : "cache");
            }
        }
    }

    private static void regions(SimulatedCloud cloud) {
        // Custom RSS is rolled out only in cn-hongkong (eni-custom-rss.txt, "Prerequisites").
        cloud.regions.put("cn-hongkong", new CloudModel.Region("cn-hongkong", "China (Hong Kong)", true));
        cloud.regions.put("cn-hangzhou", new CloudModel.Region("cn-hangzhou", "China (Hangzhou)", false));
        cloud.regions.put("cn-shanghai", new CloudModel.Region("cn-shanghai", "China (Shanghai)", false));
        cloud.regions.put("ap-southeast-1", new CloudModel.Region("ap-southeast-1", "Singapore", false));
        for (String[] zone : new String[][] {
                {ZONE_B, REGION, "Hong Kong Zone B"}, {ZONE_C, REGION, "Hong Kong Zone C"},
                {"cn-hangzhou-h", "cn-hangzhou", "Hangzhou Zone H"}, {"cn-hangzhou-i", "cn-hangzhou", "Hangzhou Zone I"},
                {"cn-shanghai-l", "cn-shanghai", "Shanghai Zone L"}, {"ap-southeast-1a", "ap-southeast-1", "Singapore Zone A"}}) {
            cloud.zones.put(zone[0], new CloudModel.Zone(zone[0], zone[1], zone[2]));
        }
    }

    private static void instanceTypes(SimulatedCloud cloud) {
        List<CloudModel.InstanceType> types = List.of(
                new CloudModel.InstanceType("ecs.g9i.large", "ecs.g9i", 2, 8, 3, 2, 2, 2, 6, true, 3_000_000, 1_000_000),
                new CloudModel.InstanceType("ecs.g9i.xlarge", "ecs.g9i", 4, 16, 4, 4, 4, 4, 16, true, 5_000_000, 1_600_000),
                new CloudModel.InstanceType("ecs.g9i.2xlarge", "ecs.g9i", 8, 32, 4, 8, 8, 8, 32, true, 10_000_000, 2_500_000),
                new CloudModel.InstanceType("ecs.r9i.xlarge", "ecs.r9i", 4, 32, 4, 4, 4, 4, 16, true, 5_000_000, 1_600_000),
                new CloudModel.InstanceType("ecs.r9i.16xlarge", "ecs.r9i", 64, 512, 8, 64, 64, 64, 512, true, 64_000_000, 20_000_000),
                new CloudModel.InstanceType("ecs.g7.large", "ecs.g7", 2, 8, 3, 2, 2, 2, 6, false, 2_000_000, 900_000),
                new CloudModel.InstanceType("ecs.g7.xlarge", "ecs.g7", 4, 16, 4, 4, 4, 4, 16, false, 3_000_000, 1_000_000));
        types.forEach(t -> cloud.instanceTypes.put(t.id(), t));
    }

    private static void instance(SimulatedCloud cloud, String id, String name, String type, String eniId, String ip,
                                 String mac, Instant created, int queues) {
        CloudModel.Instance instance = new CloudModel.Instance();
        instance.id = id;
        instance.name = name;
        instance.hostName = name;
        instance.regionId = REGION;
        instance.zoneId = ZONE_B;
        instance.instanceType = type;
        instance.imageId = IMAGE_ALINUX3;
        CloudModel.Image image = cloud.images.get(IMAGE_ALINUX3);
        instance.osName = image.osName();
        instance.osNameEn = image.osNameEn();
        instance.vpcId = VPC;
        instance.vSwitchId = VSWITCH_B;
        instance.status = "Running";
        instance.primaryEniId = eniId;
        instance.securityGroupIds.add(SECURITY_GROUP);
        instance.created = created;
        instance.started = created;
        cloud.instances.put(id, instance);
        CloudModel.NetworkInterface primary = eni(cloud, eniId, ip, mac, created);
        primary.primary = true;
        primary.status = "InUse";
        primary.instanceId = id;
        primary.deviceIndex = 0;
        primary.queueNumber = queues;
    }

    private static CloudModel.NetworkInterface eni(SimulatedCloud cloud, String id, String ip, String mac, Instant created) {
        CloudModel.NetworkInterface eni = new CloudModel.NetworkInterface();
        eni.id = id;
        eni.regionId = REGION;
        eni.zoneId = ZONE_B;
        eni.vpcId = VPC;
        eni.vSwitchId = VSWITCH_B;
        eni.privateIp = ip;
        eni.mac = mac;
        eni.status = "Available";
        eni.created = created;
        eni.securityGroupIds.add(SECURITY_GROUP);
        cloud.networkInterfaces.put(id, eni);
        return eni;
    }
}
