package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nettune host state HOST [--nic NIC] [--json]. */
class HostStateCommandTest {
    @TempDir
    Path config;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext ctx = new AppContext(config)) {
            int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new String[] {Integer.toString(code), out.toString(), err.toString()};
        }
    }

    @Test
    void theSandboxStateAsTextShowsEth1WithFourQueuesAndItsTable() {
        String[] r = run("host", "state", "sandbox", "--table");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("Alibaba Cloud Linux 3").contains("eth1: virtio_net")
                .contains("4 in use (max 4 combined)").contains("RX flow hash indirection table for eth1 with 4 RX ring(s):");
    }

    @Test
    void jsonOfOneNicCarriesTheTableAndTheCounterSource() throws Exception {
        String[] r = run("host", "state", "sandbox", "--nic", "eth1", "--json");
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertThat(j.get("nics")).hasSize(1);
        JsonNode eth1 = j.get("nics").get(0);
        assertThat(eth1.get("rss").get("table")).hasSize(128);
        assertThat(eth1.get("counters").get("source").asText()).isEqualTo("ETHTOOL_STATS");
        assertThat(j.get("smcSysctls").get("unknown").asText()).startsWith("because net.smc does not exist");
    }

    @Test
    void aHostileNicNameIsRefusedBeforeAnythingRuns() {
        String[] r = run("host", "state", "sandbox", "--nic", "eth1;reboot");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("Not a network interface name");
    }

    @Test
    void aNicTheHostDoesNotHaveIsAPlainError() {
        String[] r = run("host", "state", "sandbox", "--nic", "eth7");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("sandbox has no NIC eth7");
    }
}
