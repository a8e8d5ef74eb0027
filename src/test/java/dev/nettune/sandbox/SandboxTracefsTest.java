package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.rss.Flow;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The receive tracepoints in the sandbox's tracefs report every packet as the kernel's net_dev_rx_verbose_template prints it. */
class SandboxTracefsTest {
    private static final String EVENT = "/sys/kernel/tracing/events/net/napi_gro_receive_entry/";
    /** The kernel's line: task-pid, [cpu], flags, timestamp, event, then the template's fields in order. */
    private static final Pattern LINE = Pattern.compile(" {10}<idle>-0 {7}\\[(\\d{3})] \\.\\.s1\\. +\\d+\\.\\d{6}: (\\w+): dev=(\\S+) "
            + "napi_id=0x[0-9a-f]+ queue_mapping=(\\d+) skbaddr=[0-9a-f]{16} vlan_tagged=0 vlan_proto=0x0000 vlan_tci=0x0000 "
            + "protocol=(0x[0-9a-f]{4}) ip_summed=0 hash=(0x[0-9a-f]{8}) l4_hash=0 len=(\\d+) data_len=0 truesize=\\d+ "
            + "mac_header_valid=1 mac_header=-14 nr_frags=0 gso_size=0 gso_type=0x0");

    private final SandboxInstance box = new SandboxInstance(7, 4, 4);
    private final SandboxTraffic traffic = new SandboxTraffic(box, 1);

    private CommandResult run(String... words) throws Exception {
        return box.run(Command.of(words[0], List.of(words).subList(1, words.length)), Duration.ofSeconds(1));
    }

    private CommandResult sh(String script) throws Exception {
        return run("sh", "-c", script);
    }

    private List<String> tracePipe() throws Exception {
        String out = run("cat", "/sys/kernel/tracing/trace_pipe").stdout();
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    private void arm(String filter) throws Exception {
        assertThat(sh("echo '" + filter + "' > " + EVENT + "filter").ok()).isTrue();
        assertThat(sh("echo 1 > " + EVENT + "enable").ok()).isTrue();
    }

    @Test
    void anArmedTracepointReportsEachPacketsQueuePlusOneProtocolAndLength() throws Exception {
        arm("name == \"eth1\"");
        Flow f = Flow.tcp("198.18.0.1", "198.18.0.2", 20_001, 80);

        int q = traffic.send("eth1", f, 3, 54 + 17);

        List<String> lines = tracePipe();
        assertThat(lines).hasSize(3);
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            assertThat(m.group(2)).isEqualTo("napi_gro_receive_entry");
            assertThat(m.group(3)).isEqualTo("eth1");
            assertThat(Integer.parseInt(m.group(4))).isEqualTo(q + 1);
            assertThat(m.group(5)).isEqualTo("0x0800");
            assertThat(m.group(6)).isEqualTo("0x00000000");
            assertThat(Integer.parseInt(m.group(7))).isEqualTo(40 + 17);
        }
    }

    @Test
    void tracePipeHandsEachLineOutOnce() throws Exception {
        arm("name == \"eth1\"");
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_002, 80), 2, 60);

        assertThat(tracePipe()).hasSize(2);
        assertThat(tracePipe()).isEmpty();
    }

    @Test
    void theFilterKeepsOtherNicsAndLengthsOut() throws Exception {
        arm("name == \"eth1\" && len == 57");

        traffic.send("eth0", Flow.tcp("198.18.0.1", "198.18.0.2", 20_003, 80), 1, 71);
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_004, 80), 1, 60);
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_005, 80), 1, 71);

        List<String> lines = tracePipe();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("dev=eth1 ").contains(" len=57 ");
    }

    @Test
    void nothingIsRecordedUntilArmedAndAfterDisarming() throws Exception {
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_006, 80), 1, 60);
        arm("name == \"eth1\"");
        assertThat(sh("echo 0 > " + EVENT + "enable").ok()).isTrue();
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_007, 80), 1, 60);

        assertThat(tracePipe()).isEmpty();
        assertThat(run("cat", EVENT + "enable").stdout()).isEqualTo("0\n");
    }

    @Test
    void theTraceFileShowsTheBufferUnderTheKernelsHeaderAndAWriteEmptiesIt() throws Exception {
        arm("name == \"eth1\"");
        traffic.send("eth1", Flow.tcp("198.18.0.1", "198.18.0.2", 20_008, 80), 2, 60);

        String trace = run("cat", "/sys/kernel/tracing/trace").stdout();
        assertThat(trace).startsWith("# tracer: nop\n#\n# entries-in-buffer/entries-written: 2/2   #P:4\n");
        assertThat(trace.lines().filter(l -> !l.startsWith("#"))).hasSize(2);
        assertThat(sh("echo > /sys/kernel/tracing/trace").ok()).isTrue();
        assertThat(tracePipe()).isEmpty();
    }

    @Test
    void aFilterTheKernelCannotParseIsRefused() throws Exception {
        CommandResult r = sh("echo 'bogus ==' > " + EVENT + "filter");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("sh: line 1: echo: write error: Invalid argument\n");
        assertThat(run("cat", EVENT + "filter").stdout()).isEqualTo("none\n");
    }

    @Test
    void withoutTracefsEveryPathIsMissing() throws Exception {
        box.faults().tracefs(SandboxFaults.Tracefs.MISSING);

        assertThat(run("cat", EVENT + "enable").stderr()).isEqualTo("cat: " + EVENT + "enable: No such file or directory\n");
        assertThat(run("test", "-d", "/sys/kernel/tracing").exitCode()).isEqualTo(1);
        assertThat(sh("echo 1 > " + EVENT + "enable").stderr()).isEqualTo("sh: " + EVENT + "enable: No such file or directory\n");
    }

    @Test
    void aTracefsClosedToTheUserRefusesReadsAndWrites() throws Exception {
        box.faults().tracefs(SandboxFaults.Tracefs.NOT_PERMITTED);

        assertThat(run("cat", "/sys/kernel/tracing/trace_pipe").stderr())
                .isEqualTo("cat: /sys/kernel/tracing/trace_pipe: Permission denied\n");
        assertThat(sh("echo 1 > " + EVENT + "enable").stderr()).isEqualTo("sh: " + EVENT + "enable: Permission denied\n");
    }

    @Test
    void bothReceiveTracepointsAreListedWithTheirControlFiles() throws Exception {
        assertThat(run("ls", "/sys/kernel/tracing/events/net").stdout()).isEqualTo("napi_gro_receive_entry\nnetif_receive_skb_entry\n");
        assertThat(run("ls", EVENT).stdout()).isEqualTo("enable\nfilter\n");
    }
}
