package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune monitor|verify|dpdk|recording} against the sandbox, as a user types them. */
class MonitorCliTest {
    @TempDir
    Path dir;

    AppContext context;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void close() {
        context.close();
    }

    int run(String... args) {
        return NetTuneCommand.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    static final String SEED_KEY = "69:e8:7c:56:bf:03:9f:63:d7:c5:e5:96:b3:00:36:93:02:8c:d2:8f:cc:a9:00:65:fd:c8:94:71:5f:fd:c8:de:7a:30:a9:73:b3:33:0c:c6";

    @Test
    void monitorPrintsAPerQueueTableForEachSample() {
        assertThat(run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "2")).isZero();
        assertThat(out.toString()).contains("rx pkt/s").contains("busiest/mean").contains("vs the table:");
        assertThat(out.toString().lines().filter(l -> l.matches("\\s+3\\s+\\d+.*"))).isNotEmpty();
    }

    @Test
    void withNoTrafficTheMonitorSaysSoAndNeverPrintsNaNOrInfinity() {
        assertThat(run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "1", "--sandbox-traffic", "0")).isZero();
        assertThat(out.toString()).contains("no traffic").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void monitorWritesCsvAndKeepsARecording() throws Exception {
        Path csv = dir.resolve("q.csv");
        assertThat(run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.2", "--duration", "2", "--csv", csv.toString(),
                "--record")).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("time_utc,epoch_ms");
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(4);
        out.getBuffer().setLength(0);
        assertThat(run("recording", "list")).isZero();
        assertThat(out.toString()).contains("sandbox").contains("eth1");
    }

    @Test
    void badNicOrIntervalIsRejectedBeforeAnythingRuns() {
        assertThat(run("monitor", "sandbox", "--nic", "eth1;reboot")).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("1-15 letters");
        assertThat(run("monitor", "sandbox", "--nic", "eth1", "--interval", "0.05")).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
    }

    @Test
    void verifyScenarioTwoOnTheSandboxPairPasses() {
        int code = run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "2", "--count", "3000");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("sudo hping3 10.0.0.5 -S -p 80 -c 3000 -s 12345 -a 10.0.0.252 --keep -i u100")
                .contains("Predicted queue").contains("PASS");
    }

    @Test
    void dpdkTestpmdFromOptionsPrintsTheSeedsCommands() {
        assertThat(run("dpdk", "testpmd", "--key", SEED_KEY, "--table", "equal 64")).isZero();
        assertThat(out.toString()).contains("port config 0 rss-hash-key ipv4-tcp 69e87c56")
                .contains("port config 0 rss reta (0,0),(1,1)")
                .contains("show port 0 rss reta 128 (0xffffffffffffffff,0xffffffffffffffff)");
    }

    @Test
    void dpdkCodeFromALiveHostUsesItsKeyAndTable() {
        String key = context.sandboxInstance().rssKey("eth1").toHex();
        assertThat(run("dpdk", "c", "--from-host", "sandbox", "--nic", "eth1")).isZero();
        assertThat(out.toString()).contains("rte_eth_dev_rss_reta_update(port_id, reta, 128)")
                .contains(String.format("0x%s, 0x%s", key.substring(0, 2), key.substring(2, 4)));
    }

    @Test
    void dpdkL3fwdBindsQueuesToLcores() {
        assertThat(run("dpdk", "l3fwd", "--queues", "4", "--lcores", "1-2")).isZero();
        assertThat(out.toString()).contains("--config=\"(0,0,1),(0,1,2),(0,2,1),(0,3,2)\"");
    }

    @Test
    void dpdkWithoutKeyOrHostSaysWhatToGive() {
        assertThat(run("dpdk", "testpmd", "--table", "equal 4")).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--from-host");
    }
}
