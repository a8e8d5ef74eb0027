package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune verify} as a user types it: designed by default, exit codes 0/1/3/4, --json, the re-push that fixes it. */
class VerifyCommandTest {
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
        out.getBuffer().setLength(0);
        return NetTuneCommand.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theDesignedVerificationIsTheDefaultAndPassesWithItsFalsePassProbability() {
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Designed verification").contains("PASS (false-pass probability 5.96e-08)")
                .contains("sudo hping3 10.0.0.5 -S -p 80 -s ");
    }

    @Test
    void jsonGivesVerdictProbabilityBurstsAndCause() throws Exception {
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("verdict").asText()).isEqualTo("PASS");
        assertThat(j.get("falsePassProbability").asDouble()).isLessThanOrEqualTo(1e-6);
        assertThat(j.get("bursts")).hasSize(4);
        JsonNode b = j.get("bursts").get(0);
        assertThat(b.get("flows")).hasSize(3);
        assertThat(b.get("observedDeltas").get(b.get("predictedQueue").asInt()).asLong()).isEqualTo(150);
        assertThat(j.has("cause")).isTrue();
        assertThat(j.get("counterSource").asText()).startsWith("tracefs net:napi_gro_receive_entry on eth1");
        assertThat(b.get("observedPerFlow").get(0).get(b.get("predictedQueue").asInt()).asLong()).isEqualTo(50);
        assertThat(j.get("hashComparison").isNull()).isTrue();
    }

    @Test
    void jsonGivesEachFlowsReportedHashAndWhatTheHashesFitWhereTheDriverReportsThem() throws Exception {
        context.sandboxInstance().faults().hashReported(true).keyShiftedByOneByte(true);

        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--json")).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("cause").asText()).isEqualTo("SHIFTED_KEY");
        assertThat(j.get("hashComparison").get("fits").asText()).isEqualTo("SHIFTED_KEY");
        assertThat(j.get("bursts").get(0).get("flows").get(0).get("reportedHash").asText()).matches("0x[0-9a-f]{8}");
    }

    @Test
    void aFreshBootFailsWithExitOneNamingRssNotActiveAndForceRepushFixesIt() throws Exception {
        context.sandboxInstance().faults().rssInactiveUntilFirstSet(true);
        context.sandboxInstance().reboot();

        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--json")).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("cause").asText()).isEqualTo("RSS_NOT_ACTIVE");
        assertThat(j.get("explanation").asText()).contains("since this boot").contains("--force")
                .contains("NetTune has not set the key and table of eth1").doesNotContain("netTune");

        assertThat(run("rss", "apply", "sandbox", "--nic", "eth1", "--force")).as(out.toString() + err).isZero();
        assertThat(out.toString()).contains("Re-push");
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox")).as(out.toString()).isZero();
    }

    @Test
    void theShiftedKeyFailsNamingIt() {
        context.sandboxInstance().faults().keyShiftedByOneByte(true);
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").contains("key shifted by one byte").contains("cannot hold");
    }

    @Test
    void aSenderThatCannotBeReachedCouldNotRunWithExitFour() {
        int code = run("verify", "sandbox", "--nic", "eth1", "--sender", "nobody@127.0.0.1:1");
        assertThat(code).as(out.toString() + err).isEqualTo(4);
    }

    @Test
    void scenarioOneSaysItDoesNotCheckTheKey() {
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "1", "--count", "3000"))
                .as(out.toString()).isNotEqualTo(4);
        assertThat(out.toString()).contains("does NOT check the key");
    }

    @Test
    void scenarioTwoSaysWhatChanceAWrongMappingHadToAgree() throws Exception {
        assertThat(run("verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "2", "--count", "3000", "--json"))
                .isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("falsePassProbability").asDouble()).isEqualTo(0.25);
    }

    @Test
    void hostStateWarnsUntilNetTunePushedKeyAndTableThisBoot() {
        assertThat(run("host", "state", "sandbox", "--nic", "eth1")).isZero();
        assertThat(out.toString()).contains("WARNING (eth1): NetTune has not set the key and table of eth1 since this boot");
        assertThat(run("rss", "apply", "sandbox", "--nic", "eth1", "--force")).as(out.toString() + err).isZero();
        assertThat(run("host", "state", "sandbox", "--nic", "eth1")).isZero();
        assertThat(out.toString()).doesNotContain("WARNING (eth1)");
        context.sandboxInstance().reboot();
        assertThat(run("host", "state", "sandbox", "--nic", "eth1")).isZero();
        assertThat(out.toString()).contains("WARNING (eth1)");
    }
}
