package dev.nettune.cloud.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.cloud.CloudInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from an injected environment and a temporary ~/.aliyun/config.json; the real ones are never read. */
class CredentialLoaderTest {
    static final String SECRET = "sEcReT-value-that-must-never-show-9";
    static final String TOKEN = "sts-token-that-must-never-show";

    @TempDir
    Path home;

    private void config(String json) throws Exception {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), json);
    }

    private static final String CONFIG = """
            {"current": "prod", "profiles": [
              {"name": "prod", "mode": "AK", "access_key_id": "LTAI5tProdKey00AB12", "access_key_secret": "%s", "region_id": "cn-hongkong"},
              {"name": "sts", "mode": "StsToken", "access_key_id": "STS.NUxyzKey00CD34", "access_key_secret": "%s", "sts_token": "%s"},
              {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAI5tRoleKey0EF56", "access_key_secret": "%s",
               "ram_role_arn": "acs:ram::123456789:role/nettune", "ram_session_name": "ops"},
              {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "NetTuneRole"},
              {"name": "odd", "mode": "ChainableRamRoleArn"}
            ]}
            """.formatted(SECRET, SECRET, TOKEN, SECRET);

    @Test
    void environmentKeysWinWhenNoProfileIsNamed() throws Exception {
        config(CONFIG);
        CredentialLoader.Loaded l = new CredentialLoader(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvKey000GH78",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET), home).load(Optional.empty()).orElseThrow();
        assertThat(l.credentials()).isInstanceOf(CloudCredentials.AccessKey.class);
        assertThat(l.source()).isEqualTo("environment");
        assertThat(l.display()).isEqualTo("AccessKey ****GH78 (environment)");
    }

    @Test
    void aSecurityTokenInTheEnvironmentMakesStsCredentials() {
        CredentialLoader.Loaded l = new CredentialLoader(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.EnvKey000IJ90",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET, "ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN), home).load(Optional.empty()).orElseThrow();
        assertThat(l.credentials()).isInstanceOf(CloudCredentials.StsToken.class);
    }

    @Test
    void theConfigFilesCurrentProfileIsTheDefault() throws Exception {
        config(CONFIG);
        CredentialLoader.Loaded l = new CredentialLoader(Map.of(), home).load(Optional.empty()).orElseThrow();
        assertThat(l.credentials()).isEqualTo(new CloudCredentials.AccessKey("LTAI5tProdKey00AB12", SECRET));
        assertThat(l.region()).contains("cn-hongkong");
        assertThat(l.source()).startsWith("profile prod of ");
    }

    @Test
    void everyModeOfTheConfigFileLoads() throws Exception {
        config(CONFIG);
        CredentialLoader loader = new CredentialLoader(Map.of(), home);
        assertThat(loader.load(Optional.of("sts")).orElseThrow().credentials()).isInstanceOf(CloudCredentials.StsToken.class);
        assertThat(loader.load(Optional.of("role")).orElseThrow().credentials())
                .isEqualTo(new CloudCredentials.RamRoleArn("LTAI5tRoleKey0EF56", SECRET, "acs:ram::123456789:role/nettune", "ops"));
        assertThat(loader.load(Optional.of("ecs")).orElseThrow().credentials()).isEqualTo(new CloudCredentials.EcsRamRole("NetTuneRole"));
        assertThatThrownBy(() -> loader.load(Optional.of("odd"))).isInstanceOf(CloudInputException.class)
                .hasMessageContaining("AK, StsToken, RamRoleArn or EcsRamRole");
        assertThatThrownBy(() -> loader.load(Optional.of("nope"))).hasMessageContaining("prod, sts, role, ecs, odd");
    }

    @Test
    void theEcsRamRoleIsTheLastResort() {
        CredentialLoader.Loaded l = new CredentialLoader(Map.of("ALIBABA_CLOUD_ECS_METADATA", "NetTuneRole"), home).load(Optional.empty()).orElseThrow();
        assertThat(l.credentials()).isEqualTo(new CloudCredentials.EcsRamRole("NetTuneRole"));
    }

    @Test
    void nothingConfiguredIsEmptyAndTheMessageSaysWhereToConfigure() {
        CredentialLoader loader = new CredentialLoader(Map.of(), home);
        assertThat(loader.load(Optional.empty())).isEmpty();
        assertThat(loader.noCredentialsMessage()).contains("ALIBABA_CLOUD_ACCESS_KEY_ID", "aliyun configure", "--endpoint sandbox");
    }

    @Test
    void noCredentialTypeShowsItsSecretInToStringOrDisplay() throws Exception {
        config(CONFIG);
        CredentialLoader loader = new CredentialLoader(Map.of(), home);
        for (String p : new String[] {"prod", "sts", "role", "ecs"}) {
            CredentialLoader.Loaded l = loader.load(Optional.of(p)).orElseThrow();
            assertThat(l.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
            assertThat(l.credentials().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
            assertThat(l.display()).doesNotContain(SECRET).doesNotContain("LTAI5tProdKey00");
        }
    }

    @Test
    void aBrokenConfigFileIsReportedWithoutEchoingItsContent() throws Exception {
        config("{\"profiles\": [ {\"name\": \"x\", \"access_key_secret\": \"" + SECRET + "\" ");
        assertThatThrownBy(() -> new CredentialLoader(Map.of(), home).load(Optional.empty()))
                .hasMessageContaining("not valid JSON").satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}
