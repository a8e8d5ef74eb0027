package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.InstanceId;
import dev.nettune.fleet.FleetInputException;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.Transport;
import dev.nettune.sandbox.cloud.DemoSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which address of an instance a fleet run dials over SSH, read through the real SDK from the local OpenAPI server
 * (DescribeInstances, DescribeEipAddresses): the private IP, or the EIP bound to it; and what is refused before any
 * connection. Nothing here connects over SSH.
 */
class FleetInstanceReachTest {
    @TempDir
    Path dir;
    Path sshConfig;
    AppContext ctx;
    FleetService fleet;

    @BeforeEach
    void setUp() throws Exception {
        sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
        ctx = new AppContext(dir.resolve("config"), () -> sshConfig);
        fleet = ctx.fleet();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private List<FleetInstance> overSsh(int n, FleetService.SshReach reach) {
        return fleet.instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Ids(
                FleetTarget.parseList(String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, n)), FleetTarget.Kind.INSTANCE)),
                Transport.SSH, HostOptions.defaults(), reach);
    }

    @Test
    void theEipBoundToAnInstanceIsTheAddressDialedWithAddressEip() throws Exception {
        try (CloudConnection c = CloudConnection.open(ctx, Optional.of(CloudConnection.SANDBOX), Optional.empty(), Optional.empty())) {
            c.api().associateEip(c.region(), EipAllocationId.of(DemoSeed.EIP),
                    new EipTarget.Instance(InstanceId.of(DemoSeed.FLEET_INSTANCES.get(0))), EipMode.NAT);
            // AssociateEipAddress is asynchronous: Associating, then InUse (as the cloud commands wait for it).
            for (int i = 0; i < 100 && c.api().describeEips(c.region()).stream()
                    .noneMatch(e -> e.allocationId().value().equals(DemoSeed.EIP) && e.status().equals("InUse")); i++) {
                Thread.sleep(20);
            }
        }

        List<FleetInstance> members = overSsh(1, new FleetService.SshReach(InstanceAddress.EIP, Optional.of("ecs-user"), Optional.empty()));

        assertThat(members.get(0).reach().address()).isEqualTo("ecs-user@" + DemoSeed.EIP_ADDRESS);
        assertThat(members.get(0).reach().bastion()).isEmpty();
    }

    @Test
    void anInstanceWithoutAnEipIsRefusedWithWhatToUseInstead() {
        assertThatThrownBy(() -> overSsh(2, new FleetService.SshReach(InstanceAddress.EIP, Optional.empty(), Optional.empty())))
                .isInstanceOf(FleetInputException.class)
                .hasMessageContaining(DemoSeed.FLEET_INSTANCES.get(0) + " has no EIP bound")
                .hasMessageContaining("--address private");
    }

    @Test
    void thePrivateIpIsDialedAsRootByDefault() {
        List<FleetInstance> members = overSsh(2, FleetService.SshReach.defaults());

        assertThat(members).extracting(m -> m.reach().address()).containsExactly("root@10.0.1.101", "root@10.0.1.102");
    }

    @Test
    void aProxyJumpOfTheSshConfigForTheAddressIsKeptAsTheBastion() throws Exception {
        Files.writeString(sshConfig, "Host 10.0.1.*\n  ProxyJump ops@bastion.example:2222\n");

        List<FleetInstance> members = overSsh(1, FleetService.SshReach.defaults());

        assertThat(members.get(0).reach().bastion()).contains("ops@bastion.example:2222");
    }

    @Test
    void aBastionChainIsValidatedHopByHop() {
        assertThatThrownBy(() -> new FleetService.SshReach(InstanceAddress.PRIVATE, Optional.empty(), Optional.of("jump,,other")))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("Not a bastion");
        assertThatThrownBy(() -> overSsh(1, new FleetService.SshReach(InstanceAddress.PRIVATE, Optional.empty(), Optional.of("local"))))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("built-in host");
    }

    @Test
    void sshReachOptionsWithCloudAssistantAreRefusedAsMeaningless() {
        assertThatThrownBy(() -> fleet.instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Tag("fleet", "demo"),
                Transport.CLOUD_ASSISTANT, HostOptions.defaults(),
                new FleetService.SshReach(InstanceAddress.PRIVATE, Optional.empty(), Optional.of("jump"))))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("add --via ssh");
    }
}
