package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.CloudAccounts;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.RealAccountRig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cloud screen's account, region and endpoint choice, without a toolkit, against a profile of an isolated home. */
class CloudAccountPickerTest {
    @TempDir
    Path dir;
    private RealAccountRig rig;
    private CloudViewModel vm;

    @BeforeEach
    void start() {
        rig = new RealAccountRig(dir);
        vm = new CloudViewModel(dev.nettune.ui.common.TestTasks.sameThread(), CloudScreen.connector(rig.context, rig.accounts, SandboxWaits.fast()));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void firstStartOpensOnTheSandboxAndOffersTheProfile() {
        vm.start();
        assertThat(vm.accountProperty().get().sandbox()).isTrue();
        assertThat(vm.accounts()).extracting(CloudAccounts.Account::key).containsExactly("sandbox", "profile:prod");
        assertThat(vm.sessionProperty().get().sandbox()).isTrue();
        assertThat(vm.instances()).extracting(i -> i.id().value()).contains(DemoSeed.SANDBOX_INSTANCE);
    }

    @Test
    void theRememberedProfileRegionAndEndpointAreReopenedAndItsRegionsListed() {
        rig.rememberProd();
        vm.start();
        assertThat(vm.accountProperty().get().key()).isEqualTo("profile:prod");
        assertThat(vm.endpointProperty().get()).isEqualTo(rig.endpoint());
        assertThat(vm.sessionProperty().get().sandbox()).as("a profile is a real account").isFalse();
        assertThat(vm.regions()).extracting(CloudRegion::display).contains("cn-hongkong \u2014 China (Hong Kong)", "ap-southeast-1 \u2014 Singapore");
        assertThat(vm.connectionProperty().get()).contains("cn-hongkong via " + rig.endpoint(), "profile prod");
        assertThat(rig.server.received("DescribeInstances")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.parameter("AccessKeyId")).isEqualTo(RealAccountRig.KEY.accessKeyId()));
    }

    @Test
    void choosingTheProfileConnectsAndIsRememberedForTheNextLaunch() {
        vm.start();
        vm.accountProperty().set(rig.prod());
        vm.endpointProperty().set(rig.endpoint());
        vm.connect();
        assertThat(vm.sessionProperty().get().sandbox()).isFalse();
        assertThat(rig.accounts.remembered()).contains(new CloudAccounts.Choice("profile:prod", Optional.of("cn-hongkong"), Optional.of(rig.endpoint())));
    }

    @Test
    void anEndpointThatIsNotAUrlIsShownAndNothingConnects() {
        vm.start();
        int before = rig.server.received().size();
        vm.accountProperty().set(rig.prod());
        vm.endpointProperty().set("ftp://127.0.0.1");
        vm.connect();
        assertThat(vm.endpointProblemProperty().get()).contains("http:// or https://");
        assertThat(vm.statusProperty().get()).contains("http:// or https://");
        assertThat(vm.sessionProperty().get().sandbox()).as("still the sandbox session").isTrue();
        assertThat(rig.server.received()).hasSize(before);
    }

    @Test
    void aProfileTheServerRefusesLeavesTheScreenDisconnectedWithTheReason() {
        vm.start();
        RealAccountRig.writeProfile(rig.home, "{\"profiles\":[{\"name\":\"prod\",\"mode\":\"AK\",\"access_key_id\":\"LTAI5tUnknownKey0001\","
                + "\"access_key_secret\":\"x\",\"region_id\":\"cn-hongkong\"}]}");
        vm.accountProperty().set(rig.prod());
        vm.endpointProperty().set(rig.endpoint());
        vm.connect();
        assertThat(vm.sessionProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).startsWith("Cannot connect as Profile prod").contains("InvalidAccessKeyId");
        assertThat(vm.instances()).isEmpty();
    }
}
