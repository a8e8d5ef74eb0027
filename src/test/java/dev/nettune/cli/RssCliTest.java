package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowResult;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RssCliTest {

    static final String SEED_KEY = "69:e8:7c:56:bf:03:9f:63:d7:c5:e5:96:b3:00:36:93:02:8c:d2:8f:cc:a9:00:65:fd:c8:94:71:5f:fd:c8:de:7a:30:a9:73:b3:33:0c:c6";
    static final String MS_KEY = "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AppContext ctx = new AppContext(dir)) {
            exit = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        }
        return new Run(exit, out.toString(), err.toString());
    }

    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void seedExampleGivesIndex117AndQueue53WithEqual64() {
        Run r = run("rss", "hash", "-r", "10.0.0.1", "-t", "10.0.0.251", "-R", "26000", "-T", "18042", "-k", SEED_KEY, "--equal", "64");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("flow:   tcp 10.0.0.251:18042 -> 10.0.0.1:26000")
                .contains("hash:   0x85005975 (2231392629)")
                .contains("index:  117 (hash mod 128)")
                .contains("queue:  53 (table equal 64)");
    }

    @Test
    void hashPrintsJson() throws Exception {
        Run r = run("rss", "hash", "-t", "66.9.149.187", "-r", "161.142.100.80", "-T", "2794", "-R", "1766", "-k", MS_KEY,
                "--equal", "4", "--json");
        JsonNode j = json(r.out());
        assertThat(j.get("hash").asText()).isEqualTo("0x51ccc178");
        assertThat(j.get("hashDecimal").asLong()).isEqualTo(0x51ccc178L);
        assertThat(j.get("index").asInt()).isEqualTo(120);
        assertThat(j.get("queue").asInt()).isZero();
        assertThat(j.get("flow").get("sport").asInt()).isEqualTo(2794);
    }

    @Test
    void hashWithoutPortsIsTheTwoTuple() {
        Run r = run("rss", "hash", "-t", "66.9.149.187", "-r", "161.142.100.80", "-k", MS_KEY);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("icmp 66.9.149.187 -> 161.142.100.80").contains("0x323e8fc2")
                .contains("queue:  unknown: give the table");
    }

    @Test
    void nonIpGoesToQueueZero() {
        Run r = run("rss", "hash", "--proto", "non-ip", "-k", MS_KEY, "--equal", "4");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("not hashed").contains("queue:  0");
    }

    @Test
    void hashReadsTableAndKeyFromAnEthtoolOutput() throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));
        Run r = run("rss", "hash", "-t", "66.9.149.187", "-r", "161.142.100.80", "-T", "2794", "-R", "1766", "--table", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0x51ccc178").contains("index:  120").contains("queue:  0 (table from ");
    }

    @Test
    void badKeyExitsWith2AndSaysWhichByte() {
        Run r = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1", "-R", "2", "-k", MS_KEY.replace("56:da", "56:zz"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Key byte 4 is 'zz'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badAddressPortAndTableAreExit2WithTheReason() {
        assertThat(run("rss", "hash", "-t", "10.0.0.300", "-r", "10.0.0.2", "-k", MS_KEY).err()).contains("part 4 is 300, above 255");
        Run port = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "70000", "-R", "1", "-k", MS_KEY);
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("Source port 70000 is out of range");
        Run onePort = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "7", "-k", MS_KEY);
        assertThat(onePort.exit()).isEqualTo(2);
        assertThat(onePort.err()).contains("give -R DESTINATION_PORT too");
        Run start = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-k", MS_KEY, "--start", "2");
        assertThat(start.exit()).isEqualTo(2);
        assertThat(start.err()).contains("start 2 needs equal N or weight W...");
    }

    @Test
    void batchHashesEveryGoodRowAndReportsBadOnesByLine() throws Exception {
        Path csv = dir.resolve("flows.csv");
        Files.writeString(csv, "src,dst,sport,dport\n66.9.149.187,161.142.100.80,2794,1766\n10.0.0.1,10.0.0.999,1,2\n"
                + "66.9.149.187,161.142.100.80,,\n");
        Run r = run("rss", "hash", "--batch", csv.toString(), "-k", MS_KEY, "--equal", "4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("src,dst,sport,dport,hash,index,queue\n"
                + "66.9.149.187,161.142.100.80,2794,1766,0x51ccc178,120,0\n"
                + "66.9.149.187,161.142.100.80,,,0x323e8fc2," + (0x323e8fc2 % 128) + "," + (0x323e8fc2 % 128 % 4) + "\n");
        assertThat(r.err()).contains("line 3: '10.0.0.999': part 4 is 999, above 255.").contains("1 bad row(s)");
    }

    @Test
    void batchPrintsPlainIpv4RowsExactlyAsTheCalculatorComputesThem() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder("src,dst,sport,dport,hash,index,queue\n");
        RssCalculator calc = new RssCalculator(RssKey.parse(MS_KEY), TableSpec.weight(List.of(3, 1, 2)).build(OptionalInt.of(3)));
        for (int i = 0; i < 2_000; i++) {
            Flow f = Flow.tcp(rnd.nextInt(256) + ".0.0." + rnd.nextInt(256), "10.0.0." + rnd.nextInt(256),
                    rnd.nextInt(65536), rnd.nextInt(65536));
            in.append(f.source()).append(',').append(f.destination()).append(',').append(f.sourcePort()).append(',')
                    .append(f.destinationPort()).append('\n');
            FlowResult r = calc.calculate(f);
            expected.append(f.source()).append(',').append(f.destination()).append(',').append(f.sourcePort()).append(',')
                    .append(f.destinationPort()).append(',').append(r.hashHex()).append(',').append(r.index()).append(',')
                    .append(r.queue()).append('\n');
        }
        Path csv = dir.resolve("many.csv");
        Files.writeString(csv, in);
        Run r = run("rss", "hash", "--batch", csv.toString(), "-k", MS_KEY, "--weight", "3", "1", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(expected.toString());
    }

    @Test
    void batchPrintsIpv6RowsAsTheCalculatorComputesThemAndBadOnesAsFlowCsvSaysWhy() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(12);
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder("src,dst,sport,dport,hash,index,queue\n");
        List<String> errors = new java.util.ArrayList<>();
        RssCalculator calc = new RssCalculator(RssKey.parse(MS_KEY), TableSpec.weight(List.of(3, 1, 2)).build(OptionalInt.of(3)));
        String[] bad = {"fd00::1,fd00::2::3,1,2", "fd00::1,12345::1,1,2", "::ffff:102:304,fd00::2,1,2", "fd00::1,fd00::2,65536,2",
            "fd00::1%eth0,fd00::2,1,2", "fd00::1,fd00::2,1"};
        for (int i = 0; i < 3_000; i++) {
            String text;
            if (i % 100 == 99) {
                text = bad[rnd.nextInt(bad.length)];
            } else {
                byte[] s = new byte[16];
                byte[] d = new byte[16];
                rnd.nextBytes(s);
                rnd.nextBytes(d);
                if (rnd.nextBoolean()) {
                    java.util.Arrays.fill(s, 2, 2 + rnd.nextInt(12), (byte) 0); // a run of zero groups to compress
                }
                if (i % 3 == 0) {
                    d = IpAddress.parse("fd00::" + Integer.toHexString(rnd.nextInt(4))).bytes(); // repeated destinations
                }
                String src = IpAddress.of(s).toString();
                String dst = IpAddress.of(d).toString();
                if (rnd.nextInt(4) == 0) {
                    src = src.toUpperCase(java.util.Locale.ROOT);
                }
                text = src + "," + dst + "," + rnd.nextInt(65536) + "," + rnd.nextInt(65536);
            }
            in.append(text).append('\n');
            try {
                Flow f = dev.nettune.rss.FlowCsv.parseLine(i + 1, text, false).orElseThrow().flow();
                FlowResult r = calc.calculate(f);
                expected.append(f.source()).append(',').append(f.destination()).append(',').append(f.sourcePort()).append(',')
                        .append(f.destinationPort()).append(',').append(r.hashHex()).append(',').append(r.index()).append(',')
                        .append(r.queue()).append('\n');
            } catch (dev.nettune.rss.RssInputException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        Path csv = dir.resolve("six.csv");
        Files.writeString(csv, in);

        Run r = run("rss", "hash", "--batch", csv.toString(), "-k", MS_KEY, "--weight", "3", "1", "2");

        assertThat(r.out()).isEqualTo(expected.toString());
        assertThat(errors).hasSize(30);
        for (String e : errors) {
            assertThat(r.err()).contains(e);
        }
        assertThat(r.err()).contains("30 bad row(s)");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void batchPrintsPortsWithLeadingZerosAsNumbers() throws Exception {
        Path csv = dir.resolve("zeros.csv");
        Files.writeString(csv, "10.0.0.1,10.0.0.2,0080,00443\n10.0.0.1,10.0.0.2,80,443\n");

        Run r = run("rss", "hash", "--batch", csv.toString(), "-k", MS_KEY, "--equal", "4");

        assertThat(r.exit()).isZero();
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("10.0.0.1,10.0.0.2,80,443,").isEqualTo(rows.get(1));
    }

    @Test
    void distributionOfACsvCountsEveryGoodRowAndNamesTheBadOnes() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "src,dst,sport,dport\n66.9.149.187,161.142.100.80,2794,1766\n10.0.0.1,10.0.0.999,1,2\n"
                + "fd00::1,fd00::2,1,2\n66.9.149.187,161.142.100.80,,\n");
        Run r = run("rss", "distribution", "--flows", csv.toString(), "-k", MS_KEY, "--equal", "4", "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("flows").asLong()).isEqualTo(3);
        RssCalculator calc = new RssCalculator(RssKey.parse(MS_KEY), TableSpec.equal(4).build(OptionalInt.of(4)));
        long[] queues = new long[4];
        queues[calc.calculate(Flow.tcp("66.9.149.187", "161.142.100.80", 2794, 1766)).queue()]++;
        queues[calc.calculate(Flow.tcp("fd00::1", "fd00::2", 1, 2)).queue()]++;
        queues[calc.calculate(new Flow(IpAddress.parse("66.9.149.187"), IpAddress.parse("161.142.100.80"), 0, 0,
                Protocol.ICMP)).queue()]++;
        for (int q = 0; q < 4; q++) {
            assertThat(j.get("queues").get(q).get("flows").asLong()).as("queue " + q).isEqualTo(queues[q]);
        }
        assertThat(r.err()).contains("line 3: '10.0.0.999': part 4 is 999, above 255.");
    }

    @Test
    void batchReadsStandardInputForDash() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("66.9.149.187,161.142.100.80,2794,1766\n".getBytes()));
            Run r = run("rss", "hash", "--batch", "-", "-k", MS_KEY, "--equal", "4");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).endsWith("66.9.149.187,161.142.100.80,2794,1766,0x51ccc178,120,0\n");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void batchWithOnlyGoodRowsExitsZero() throws Exception {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, "fd00::1,fd00::2,1,2\n");
        Run r = run("rss", "hash", "--batch", csv.toString(), "-k", MS_KEY, "--equal", "4");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out()).contains("fd00::1,fd00::2,1,2,0x");
    }

    @Test
    void tablePrintsTheEthtoolLayoutAndBucketCounts() {
        Run r = run("rss", "table", "--weight", "6", "4");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("RX flow hash indirection table for eth0 with 2 RX ring(s):\n"
                + "    0:      0     0     0     0     0     0     0     0\n");
        assertThat(r.out()).contains("   72:      0     0     0     0     1     1     1     1\n")
                .contains("queue 0: 76 (59.38%)").contains("queue 1: 52 (40.63%)")
                .contains("Set with: ethtool -X eth0 weight 6 4");
    }

    @Test
    void tablePrintsJson() throws Exception {
        Run r = run("rss", "table", "--start", "2", "--equal", "40", "--rings", "64", "--json");
        JsonNode j = json(r.out());
        assertThat(j.get("size").asInt()).isEqualTo(128);
        assertThat(j.get("table").get(0).asInt()).isEqualTo(2);
        assertThat(j.get("table").get(127).asInt()).isEqualTo(2 + 127 % 40);
        assertThat(j.get("counts").get("2").asInt()).isEqualTo(4);
        assertThat(j.get("counts").get("0").asInt()).isZero();
        assertThat(j.get("ethtool").asText()).isEqualTo("ethtool -X eth0 start 2 equal 40");
    }

    @Test
    void tableErrorsExitWith2() {
        assertThat(run("rss", "table", "--equal", "0").err()).contains("equal 0 is not allowed");
        assertThat(run("rss", "table", "--weight", "0", "0").err()).contains("All weights are zero");
        assertThat(run("rss", "table", "--weight", "100", "29").err()).contains("The weights add up to 129");
        assertThat(run("rss", "table", "--start", "3").err()).contains("start 3 needs equal N or weight");
        Run rings = run("rss", "table", "--equal", "8", "--rings", "4");
        assertThat(rings.exit()).isEqualTo(2);
        assertThat(rings.err()).contains("This fill uses queues 0-7 but the NIC has 4 ring(s)");
        assertThat(run("rss", "table").err()).contains("No table given");
    }

    @Test
    void showReadsASavedEthtoolOutput() throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, Fixtures.read("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));
        Run r = run("rss", "show", "--from", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("RX rings:       4").contains("Hash function:  toeplitz")
                .contains("Hash key:       " + MS_KEY + " (40 bytes)").contains("queue 3: 32 (25.00%)");
        JsonNode j = json(run("rss", "show", "--from", f.toString(), "--json").out());
        assertThat(j.get("rings").asInt()).isEqualTo(4);
        assertThat(j.get("table").size()).isEqualTo(128);
        assertThat(j.get("key").asText()).isEqualTo(MS_KEY);
    }

    @Test
    void showSaysWhenTheNicHasNoTable() throws Exception {
        Path f = dir.resolve("none.txt");
        Files.writeString(f, Fixtures.read("linux/virtio_net-6.18-1q/ethtool-x.txt"));
        Run r = run("rss", "show", "--from", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Table:          not available (Operation not supported)")
                .contains("Hash key:       not available (Operation not supported)");
    }

    @Test
    void showOfAMissingFileIsBadInput() {
        Run r = run("rss", "show", "--from", dir.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.txt: no such file");
    }

    @Test
    void keyPrintsRandomAndSymmetricKeys() {
        Run random = run("rss", "key", "--random");
        assertThat(random.exit()).isZero();
        assertThat(random.out().strip()).matches("([0-9a-f]{2}:){39}[0-9a-f]{2}");
        Run sym = run("rss", "key", "--symmetric", "--length", "52");
        assertThat(sym.out().strip()).isEqualTo(("6d:5a:".repeat(26)).substring(0, 52 * 3 - 1));
        assertThat(sym.err()).contains("same value");
        assertThat(run("rss", "key").exit()).isEqualTo(2);
        assertThat(run("rss", "key", "--random", "--symmetric").exit()).isEqualTo(2);
    }

    @Test
    void solveFindsAKeyAndTheHashCommandAgrees() throws Exception {
        Run r = run("rss", "solve", "--equal", "4", "--seed", "1", "--json",
                "--flow", "10.0.0.252:10000,10.0.0.5:80=3", "--flow", "[fd00::1]:443,[fd00::2]:5555=bucket:77");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("solved").asBoolean()).isTrue();
        String key = j.get("key").asText();
        JsonNode h = json(run("rss", "hash", "-t", "10.0.0.252", "-r", "10.0.0.5", "-T", "10000", "-R", "80", "-k", key,
                "--equal", "4", "--json").out());
        assertThat(h.get("queue").asInt()).isEqualTo(3);
        JsonNode h6 = json(run("rss", "hash", "-t", "fd00::1", "-r", "fd00::2", "-T", "443", "-R", "5555", "-k", key,
                "--equal", "4", "--json").out());
        assertThat(h6.get("index").asInt()).isEqualTo(77);
        assertThat(j.get("bucketsUsed").toString()).contains("77");
    }

    @Test
    void solvePrintsTheEthtoolCommand() {
        Run r = run("rss", "solve", "--equal", "4", "--flow", "10.0.0.252:10000,10.0.0.5:80=2", "--nic", "eth1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("set:    ethtool -X eth1 hkey ").contains("queue 2  (wanted queue 2)");
    }

    @Test
    void solveConflictNamesTheFlowsAndExits2() {
        Run r = run("rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1000,10.0.0.2:80=1", "--flow", "10.0.0.1:1000,10.0.0.2:80=2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Flows 1 and 2 hash the same tuple");
    }

    @Test
    void solveReadsACsvOfGoals() throws Exception {
        Path csv = dir.resolve("goals.csv");
        Files.writeString(csv, "src,dst,sport,dport,queue\n10.0.0.1,10.0.0.2,1000,80,1\n10.0.0.1,10.0.0.2,1001,80,0\n");
        Run r = run("rss", "solve", "--rings", "4", "--flows", csv.toString(), "--free", "base", "-k", MS_KEY);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1. tcp 10.0.0.1:1000 -> 10.0.0.2:80").contains("(wanted queue 1)");
    }

    @Test
    void solveRejectsAMalformedFlow() {
        Run r = run("rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1000;10.0.0.2:80=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("needs two endpoints");
    }

    @Test
    void findPortsListsThePortsThatLandOnTheQueue() throws Exception {
        Run r = run("rss", "find-ports", "-t", "10.0.0.252", "-r", "10.0.0.5", "-R", "80", "--range", "10000-10099",
                "--queue", "2", "-k", MS_KEY, "--equal", "4", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("scanned").asInt()).isEqualTo(100);
        assertThat(j.get("count").asInt()).isEqualTo(j.get("ports").size()).isPositive();
        for (JsonNode p : j.get("ports")) {
            JsonNode h = json(run("rss", "hash", "-t", "10.0.0.252", "-r", "10.0.0.5", "-T", p.asText(), "-R", "80",
                    "-k", MS_KEY, "--equal", "4", "--json").out());
            assertThat(h.get("queue").asInt()).isEqualTo(2);
        }
    }

    @Test
    void findPortsNeedsExactlyOneTarget() {
        Run r = run("rss", "find-ports", "-t", "10.0.0.252", "-r", "10.0.0.5", "-R", "80", "-k", MS_KEY, "--equal", "4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Give exactly one target");
    }

    @Test
    void distributionOfTheHpingScenarioListsEveryQueue() {
        Run r = run("rss", "distribution", "-t", "10.0.0.252", "-r", "10.0.0.5", "--packets", "10000", "--baseport", "10000",
                "-k", MS_KEY, "--equal", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("10000 flows over 128 buckets").contains("chi-square vs uniform hash");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+32\\s+\\d+.*25\\.00%"))).hasSize(4);
    }

    @Test
    void everyRssCommandHasHelp() {
        for (String c : new String[] {"hash", "table", "show", "key", "solve", "find-ports", "distribution"}) {
            Run r = run("rss", c, "--help");
            assertThat(r.exit()).as(c).isZero();
            assertThat(r.out()).as(c).contains("Usage: nettune rss " + c);
        }
        assertThat(run("rss", "--help").out()).contains("hash").contains("solve");
    }
}
