package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudRegion;
import dev.nettune.cloud.RegionId;
import dev.nettune.testing.RealAccountRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts the Cloud screen offers, what it remembers, and connecting through an endpoint override. */
class CloudAccountsTest {
    @TempDir
    Path dir;

    private CloudAccounts accounts(Map<String, String> env) {
        return CloudAccounts.forHome(new AppContext(dir.resolve("config")), env, dir.resolve("home"));
    }

    @Test
    void theSandboxComesFirstThenEveryProfileWithItsModeAndRegion() {
        RealAccountRig.writeProfile(dir.resolve("home"), """
                {"current":"ak","profiles":[
                 {"name":"ak","mode":"AK","access_key_id":"LTAI5tAAAAAAAAAA","access_key_secret":"s1","region_id":"cn-hongkong"},
                 {"name":"sts","mode":"StsToken","access_key_id":"STS.BBBBBBBBBB","access_key_secret":"s2","sts_token":"t"},
                 {"name":"role","mode":"RamRoleArn","access_key_id":"LTAI5tCCCCCCCCCC","access_key_secret":"s3","ram_role_arn":"acs:ram::1:role/x"},
                 {"name":"ecs","mode":"EcsRamRole","ram_role_name":"nettune-role"}]}""");
        List<CloudAccounts.Account> list = accounts(Map.of()).accounts();
        assertThat(list).extracting(CloudAccounts.Account::key).containsExactly("sandbox", "profile:ak", "profile:sts", "profile:role", "profile:ecs");
        assertThat(list).extracting(CloudAccounts.Account::display).containsExactly("Sandbox (simulated region)",
                "Profile ak (AK)", "Profile sts (StsToken)", "Profile role (RamRoleArn)", "Profile ecs (EcsRamRole)");
    }

    @Test
    void environmentCredentialsAndTheEcsRamRoleAreOfferedWhenSet() {
        List<CloudAccounts.Account> list = accounts(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvEnvEnv1234", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "x",
                "ALIBABA_CLOUD_ECS_METADATA", "web-role")).accounts();
        assertThat(list).extracting(CloudAccounts.Account::display).containsExactly("Sandbox (simulated region)",
                "Environment (AccessKey ****1234)", "ECS RAM role web-role");
    }

    @Test
    void withoutProfilesOrEnvironmentOnlyTheSandboxIsOffered() {
        assertThat(accounts(Map.of()).accounts()).extracting(CloudAccounts.Account::key).containsExactly("sandbox");
    }

    @Test
    void theRememberedChoiceHoldsNameRegionAndEndpointButNoSecret() throws Exception {
        try (RealAccountRig rig = new RealAccountRig(dir)) {
            rig.rememberProd();
            assertThat(rig.accounts.remembered()).contains(new CloudAccounts.Choice("profile:prod", Optional.of("cn-hongkong"), Optional.of(rig.endpoint())));
            // The settings are written in the background: what is on disk is checked once it is there.
            rig.context.settings().flush();
            try (var files = Files.walk(dir.resolve("config"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readAllBytes(f)).asString().doesNotContain(RealAccountRig.KEY.accessKeySecret());
                }
            }
        }
    }

    @Test
    void theLastAccountAndRegionAreInTheSettingsAndComeBackInTheNextLaunch() throws Exception {
        Path config = dir.resolve("config");
        try (AppContext first = new AppContext(config)) {
            CloudAccounts.forHome(first, Map.of(), dir.resolve("home")).remember(
                    new CloudAccounts.Choice("profile:prod", Optional.of("cn-hongkong"), Optional.empty()));
        }

        String file = Files.readString(config.resolve("settings.properties"));
        assertThat(file).contains("cloud.account=profile\\:prod").contains("cloud.region=cn-hongkong");
        assertThat(Files.exists(config.resolve("cloud-account.properties"))).isFalse();
        try (AppContext next = new AppContext(config)) {
            assertThat(CloudAccounts.forHome(next, Map.of(), dir.resolve("home")).remembered())
                    .contains(new CloudAccounts.Choice("profile:prod", Optional.of("cn-hongkong"), Optional.empty()));
        }
    }

    @Test
    void aChoiceAnEarlierReleaseKeptInItsOwnFileIsStillFound() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("cloud-account.properties"), "account=profile\\:prod\nregion=cn-beijing\n");

        assertThat(accounts(Map.of()).remembered())
                .contains(new CloudAccounts.Choice("profile:prod", Optional.of("cn-beijing"), Optional.empty()));
    }

    @Test
    void aProfileWithAnEndpointOverrideListsTheRegionsTheServerAnswersToItsSignedCall() {
        try (RealAccountRig rig = new RealAccountRig(dir)) {
            try (CloudConnection c = rig.accounts.connect(rig.prod(), Optional.empty(), Optional.of(rig.endpoint()))) {
                assertThat(c.sandbox()).isFalse();
                assertThat(c.region()).isEqualTo(RegionId.of("cn-hongkong"));
                assertThat(rig.accounts.regions(c)).contains(new CloudRegion(RegionId.of("cn-hongkong"), "China (Hong Kong)"));
            }
            var call = rig.server.received("DescribeRegions");
            assertThat(call).hasSize(1);
            assertThat(call.get(0).parameter("AccessKeyId")).isEqualTo(RealAccountRig.KEY.accessKeyId());
            assertThat(call.get(0).httpStatus()).isEqualTo(200);
        }
    }

    @Test
    void aWrongSecretInTheProfileIsRefusedByTheServer() {
        try (RealAccountRig rig = new RealAccountRig(dir)) {
            RealAccountRig.writeProfile(rig.home, "{\"profiles\":[{\"name\":\"prod\",\"mode\":\"AK\",\"access_key_id\":\"" + RealAccountRig.KEY.accessKeyId()
                    + "\",\"access_key_secret\":\"not-the-secret\",\"region_id\":\"cn-hongkong\"}]}");
            try (CloudConnection c = rig.accounts.connect(rig.prod(), Optional.empty(), Optional.of(rig.endpoint()))) {
                assertThatThrownBy(() -> rig.accounts.regions(c)).hasMessageContaining("InvalidAccessKeySecret");
            }
        }
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRefusedSayingWhatIsAllowed() {
        assertThat(CloudAccounts.endpointProblem("ftp://example.com")).asString().contains("must be an http:// or https:// URL");
        assertThat(CloudAccounts.endpointProblem("http://127.0.0.1:8080/path")).asString().contains("no path");
        assertThat(CloudAccounts.endpointProblem("http://127.0.0.1:8080/path").in(java.util.Locale.SIMPLIFIED_CHINESE)).contains("不带路径");
        assertThat(CloudAccounts.endpointProblem("https://ecs-vpc.cn-hongkong.aliyuncs.com")).isNull();
        assertThat(CloudAccounts.endpointProblem("")).isNull();
        try (RealAccountRig rig = new RealAccountRig(dir)) {
            assertThatThrownBy(() -> rig.accounts.connect(rig.prod(), Optional.empty(), Optional.of("ftp://x"))).isInstanceOf(CloudInputException.class);
        }
    }
}
