package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SamplerScriptTest {

    @Test
    void nicAndIntervalArriveAsPositionalArgumentsNotInTheScript() {
        Command c = SamplerScript.command("eth1", SamplingInterval.ofSeconds("0.5"));
        assertThat(c.program()).isEqualTo("sh");
        assertThat(c.args()).containsExactly("-c", SamplerScript.SCRIPT, "nettune-sampler", "eth1", "0.5");
        assertThat(SamplerScript.SCRIPT).doesNotContain("eth1");
    }

    @Test
    void hostileNicNamesAreRejectedBeforeAnyCommandExists() {
        for (String bad : List.of("eth1; reboot", "$(id)", "`id`", "eth'1", "a\nb", "", "sixteen-chars-xx")) {
            assertThatThrownBy(() -> SamplerScript.command(bad, SamplingInterval.ONE_SECOND))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-15 letters");
        }
    }

    @Test
    void samplerCommandIsRecognisedAndItsArgumentsRead() {
        Command c = SamplerScript.command("eth1", SamplingInterval.ofSeconds("2.5"));
        assertThat(SamplerScript.isSamplerCommand(c)).isTrue();
        assertThat(SamplerScript.nicOf(c)).isEqualTo("eth1");
        assertThat(SamplerScript.intervalOf(c).millis()).isEqualTo(2500);
        assertThat(SamplerScript.isSamplerCommand(Command.of("sh", "-c", "echo hi"))).isFalse();
    }

    /** The real script under this machine's /bin/sh on the loopback NIC: two frames, every section filled. */
    @Test
    void scriptRunUnderARealShellPrintsCompleteFrames() throws Exception {
        List<String> argv = new ArrayList<>();
        Command c = SamplerScript.command("lo", SamplingInterval.ofSeconds("0.2"));
        argv.add(c.program());
        argv.addAll(c.args());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        List<SampleFrame> frames = new ArrayList<>();
        SampleFrameReader reader = new SampleFrameReader(frames::add, System::currentTimeMillis);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (frames.size() < 2 && (line = r.readLine()) != null) {
                reader.line(line);
            }
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(frames).hasSize(2);
        SampleFrame f = frames.get(1);
        assertThat(f.uptimeSeconds()).isGreaterThan(frames.get(0).uptimeSeconds());
        assertThat(f.statistics()).contains("rx_packets:").contains("tx_bytes:");
        assertThat(f.interrupts()).contains("CPU0");
        assertThat(f.softirqs()).contains("NET_RX:");
        assertThat(f.ethtool()).isNotEmpty();
    }
}
