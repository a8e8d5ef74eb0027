package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostDirectory;
import dev.nettune.cli.CliRun;
import dev.nettune.cloud.aliyun.ApiEndpoint;
import dev.nettune.cloud.aliyun.CredentialLoader;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Chinese user reads when NetTune refuses a host they typed (the Add host dialog, any --host) or an account it
 * cannot use (the account picker, --profile, an endpoint): the refusal in Chinese, with what is allowed, and the
 * value they typed quoted as it is.
 */
class HostAndAccountRefusalsInChineseTest {
    @TempDir
    Path dir;

    AppContext context;

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void english() {
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    /** What the Add host dialog shows for a host the inventory refuses: Chinese, naming the value. */
    private String refusal(HostDirectory.NewHost host) {
        Throwable e = catchThrowable(() -> context.hostDirectory().save(host));
        assertThat(e).as("refused: " + host).isInstanceOf(IllegalArgumentException.class);
        return Messages.problem(e);
    }

    private static HostDirectory.NewHost host(String name, String address) {
        return new HostDirectory.NewHost(name, address, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theAddHostDialogRefusesEachBadFieldInChinese() {
        List<String> said = List.of(
                refusal(host("bad name!", "10.0.0.5")),
                refusal(host("sandbox", "10.0.0.5")),
                refusal(host("web-1", "-oProxyCommand=x")),
                refusal(new HostDirectory.NewHost("web-1", "10.0.0.5", Optional.of("-root"), OptionalInt.empty(), Optional.empty(),
                        Optional.empty())),
                refusal(new HostDirectory.NewHost("web-1", "10.0.0.5", Optional.empty(), OptionalInt.of(70000), Optional.empty(),
                        Optional.empty())),
                refusal(new HostDirectory.NewHost("web-1", "10.0.0.5", Optional.empty(), OptionalInt.empty(), Optional.of("a b"),
                        Optional.empty())));

        assertThat(said).allMatch(s -> s.matches("(?s).*\\p{IsHan}.*"), "Chinese");
        assertThat(EnglishLeft.in(said)).isEmpty();
        assertThat(said.get(0)).contains("'bad name!'");
        assertThat(said.get(1)).contains("'sandbox'", "内置主机");
        assertThat(said.get(4)).contains("70000", "1 到 65535");
    }

    @Test
    void aHostNoOneCouldReachIsRefusedInChineseOnTheCommandLine() {
        CliRun r = CliRun.in(context, "tune", "plan", "x;y", "--profile", "ECS high throughput", "--lang", "zh_CN");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("'x;y' 不是主机");
        assertThat(EnglishLeft.in(List.of(r.text()))).isEmpty();
    }

    @Test
    void anAccountNetTuneCannotUseIsRefusedInChinese() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Throwable oneKey = catchThrowable(() -> new CredentialLoader(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvKey000GH78"), home)
                .load(Optional.empty()));
        Throwable noFile = catchThrowable(() -> new CredentialLoader(Map.of(), home).load(Optional.of("prod")));
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), """
                {"current": "odd", "profiles": [{"name": "odd", "mode": "ChainableRamRoleArn"},
                 {"name": "half", "mode": "AK", "access_key_id": "LTAI5tHalfKey00AB12"}]}
                """);
        Throwable badMode = catchThrowable(() -> new CredentialLoader(Map.of(), home).load(Optional.of("odd")));
        Throwable missing = catchThrowable(() -> new CredentialLoader(Map.of(), home).load(Optional.of("prod")));
        Throwable half = catchThrowable(() -> new CredentialLoader(Map.of(), home).load(Optional.of("half")));
        String none = Messages.say(new CredentialLoader(Map.of(), dir.resolve("nobody")).noCredentials());

        List<String> said = java.util.stream.Stream.concat(java.util.stream.Stream.of(oneKey, noFile, badMode, missing, half)
                .map(Messages::problem), java.util.stream.Stream.of(none)).toList();

        assertThat(said).allMatch(s -> s.matches("(?s).*\\p{IsHan}.*"), "Chinese");
        assertThat(EnglishLeft.in(said)).isEmpty();
        assertThat(said.get(1)).contains("aliyun configure --profile prod");
        assertThat(said.get(3)).contains("'prod'", "odd", "half");
        assertThat(said.get(4)).contains("'half'", "AK");
        assertThat(said.get(5)).contains("未找到阿里云凭证", "--endpoint sandbox");
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefusedInChinese() {
        List<String> said = java.util.stream.Stream.of("", "ftp://127.0.0.1:8080", "http://127.0.0.1:8080/ecs", "http://127.0.0.1:70000",
                "http://user@127.0.0.1:8080").map(t -> catchThrowable(() -> ApiEndpoint.parse(t))).map(Messages::problem).toList();

        assertThat(said).allMatch(s -> s.matches("(?s).*\\p{IsHan}.*"), "Chinese");
        assertThat(EnglishLeft.in(said)).isEmpty();
    }
}
