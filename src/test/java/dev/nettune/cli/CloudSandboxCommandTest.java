package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune cloud-sandbox}: starts the local OpenAPI server, says where and with which fake keys, stops. */
class CloudSandboxCommandTest {
    @TempDir
    Path config;


    private CliRun run(String... args) {
        return CliRun.inFreshContext(config, args);
    }

    @Test
    void itPrintsTheEndpointAndTheFakeDemoKeysThenStops() {
        CliRun r = run("cloud-sandbox", "--for", "0");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("on http://127\\.0\\.0\\.1:\\d+")
                .contains("FAKE demo AccessKey").contains("LTAI5tSandboxDemoFakeKey")
                .contains("i-j6c0sandboxrss000001").contains("stopped");
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        CliRun r = run("cloud-sandbox", "--port", "70000", "--for", "0");

        assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--port").contains("1 to 65535");
    }
}
