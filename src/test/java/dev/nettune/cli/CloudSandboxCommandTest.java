package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune cloud-sandbox}: starts the local OpenAPI server, says where and with which fake keys, stops. */
class CloudSandboxCommandTest {
    @TempDir
    Path config;

    private record Out(int code, String out, String err) {
    }

    private Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext ctx = new AppContext(config)) {
            int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            return new Out(code, out.toString(), err.toString());
        }
    }

    @Test
    void itPrintsTheEndpointAndTheFakeDemoKeysThenStops() {
        Out r = run("cloud-sandbox", "--for", "0");

        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("on http://127\\.0\\.0\\.1:\\d+")
                .contains("FAKE demo AccessKey").contains("LTAI5tSandboxDemoFakeKey")
                .contains("i-j6c0sandboxrss000001").contains("stopped");
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        Out r = run("cloud-sandbox", "--port", "70000", "--for", "0");

        assertThat(r.code()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--port").contains("1 to 65535");
    }
}
