package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input sweep of issue 11, as a test: hostile and malformed values for every kind of argument (numbers,
 * addresses, keys, hosts, endpoints, kernel versions, files that are folders, devices, pipes, huge or broken),
 * each run through the real command line. Each must be refused cleanly: exit 1 or 2, a message on stderr that
 * names the problem, no Java type name or JDK text, no stack trace, no raw control character, no echo of a
 * 10 MB field, and no hang. Prints "tried / rejected cleanly / crashed" and fails on any crash.
 */
class BadInputSweepTest {
    private static final String KEY = RssCliTest.SEED_KEY;
    private static final Pattern JAVA_TEXT = Pattern.compile(
            "Exception|\\bjava\\.|\\bjavax\\.|For input string|No value present|Is a directory|NullPointer|\\tat |"
                    + "(?m)nettune: null$|IndexOutOfBounds|NumberFormat");

    @TempDir
    Path dir;

    /** One bad input: what it is and the command line. */
    record Case(String what, String... args) {
    }

    /** What happened to one case; {@code problem} is empty when it was refused cleanly. */
    record Outcome(Case c, int exit, String err, String problem) {
    }

    private List<Case> cases() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path fifo = dir.resolve("a-fifo");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Path zero = Path.of("/dev/zero");
        Path missing = dir.resolve("missing.txt");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path allBad = Files.writeString(dir.resolve("all-bad.csv"), "src,dst,sport,dport\nx,y,z,w\n10.0.0.1,10.0.0.2,99999,1\n1.2.3\n");
        Path huge = dir.resolve("huge.csv");
        Files.writeString(huge, "10.0.0.1," + "9".repeat(10_000_000) + ",1,2\n");
        Path bomProfile = Files.writeString(dir.resolve("bom.json"), "\uFEFF{\"name\": \"x\", \"entries\": null}");
        Path nullEntries = Files.writeString(dir.resolve("null-entries.json"), "{\"name\": \"x\", \"entries\": null}");
        Path badJson = Files.writeString(dir.resolve("bad.json"), "{\"name\": ");
        // Profiles that would write or run anything as root: refused unless marked, and a marked one needs the flag.
        List<Path> hostileProfiles = new ArrayList<>();
        int hostile = 0;
        for (String entry : List.of(
                "{\"type\": \"file\", \"path\": \"/root/.ssh/authorized_keys\", \"content\": \"ssh-ed25519 AAAA x\"}",
                "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/../cron.d/x\", \"content\": \"x\"}",
                "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/./x.conf\", \"content\": \"net.core.somaxconn = 1\"}",
                "{\"type\": \"file\", \"path\": \"/etc/sysctl.d.evil/x.conf\", \"content\": \"x\"}",
                "{\"type\": \"file\", \"path\": \"etc/sysctl.d/x.conf\", \"content\": \"x\"}",
                "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/x.conf\", \"content\": \"kernel.core_pattern = |/tmp/x\"}",
                "{\"type\": \"file\", \"path\": \"/etc/sysctl.d/x.conf\", \"content\": \"net.core.somaxconn = 1\","
                        + " \"afterWrite\": [[\"sh\", \"-c\", \"id > /tmp/owned\"]]}",
                "{\"type\": \"file\", \"path\": \"/etc/NetworkManager/conf.d/x.conf\", \"content\": \"x\","
                        + " \"afterWrite\": [[\"systemctl\", \"stop\", \"sshd\"]]}",
                "{\"type\": \"file\", \"path\": \"/usr/local/sbin/nettune-reapply-eth1\", \"content\": \"#!/bin/sh\"}",
                "{\"type\": \"sysctl\", \"name\": \"kernel.core_pattern\", \"value\": \"core\"}",
                "{\"type\": \"persist-sysctls\", \"path\": \"/etc/profile.d/x.conf\"}",
                "{\"type\": \"service\", \"unit\": \"sshd\", \"active\": false}")) {
            for (String mark : List.of("", " \"unrestricted\": true,")) {
                hostileProfiles.add(Files.writeString(dir.resolve("hostile-" + hostile++ + ".json"),
                        "{\"name\": \"hostile\"," + mark + " \"entries\": [" + entry + "]}"));
            }
        }
        Path escapes = Files.writeString(dir.resolve("escapes.txt"), "RX flow hash indirection table\u001b]0;owned\u0007\u001b[2J\n");
        Path binary = dir.resolve("binary.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3, (byte) 0xc3, 0x28});
        List<Path> badFiles = new ArrayList<>(List.of(folder, zero, missing, empty, huge, escapes, binary, allBad));
        if (haveFifo) {
            badFiles.add(fifo);
        }

        List<Case> c = new ArrayList<>();
        for (Path f : badFiles) {
            String n = f.getFileName().toString();
            c.add(new Case("rss show --from " + n, "rss", "show", "--from", f.toString()));
            if (!f.equals(empty)) {
                // An empty batch hashes nothing and says nothing: not a bad input.
                c.add(new Case("rss hash --batch " + n, "rss", "hash", "--batch", f.toString(), "-k", KEY, "--equal", "4"));
            }
            c.add(new Case("rss distribution --flows " + n, "rss", "distribution", "--flows", f.toString(), "-k", KEY, "--equal", "4"));
            c.add(new Case("rss balance --flows " + n, "rss", "balance", "--flows", f.toString(), "-k", KEY, "--equal", "4"));
            c.add(new Case("rss solve --flows " + n, "rss", "solve", "--flows", f.toString(), "--equal", "4"));
            c.add(new Case("rss hash --table " + n, "rss", "hash", "--table", f.toString(), "-r", "10.0.0.1", "-t", "10.0.0.2"));
            c.add(new Case("tune plan --profile " + n, "tune", "plan", "sandbox", "--profile", f.toString()));
            if (!Files.isRegularFile(f)) {
                // Any regular file may be a key; the sandbox needs none, so only non-files are bad here.
                c.add(new Case("host state -i " + n, "host", "state", "sandbox", "-i", f.toString()));
            }
        }
        for (Path f : hostileProfiles) {
            c.add(new Case("tune apply --profile " + f.getFileName(), "tune", "apply", "sandbox", "--profile", f.toString()));
        }
        for (Path f : List.of(bomProfile, nullEntries, badJson)) {
            c.add(new Case("tune plan --profile " + f.getFileName(), "tune", "plan", "sandbox", "--profile", f.toString()));
        }
        // Numbers: signs, exponents, other scripts' digits, hex, spaces, overflow, out of range.
        for (String v : List.of("+80", "1e3", "\u0668\u0660", "0x50", "8 0", "65536", "-1", "99999999999999999999", "", "8O",
                "1.5", "\uff18\uff10")) {
            c.add(new Case("rss hash -R '" + v + "'", "rss", "hash", "-r", "10.0.0.1", "-t", "10.0.0.2", "-R", v, "-T", "1", "-k", KEY));
        }
        for (String v : List.of("+4", "1e1", "0", "-4", "99999999999", "\u0664", "4.0")) {
            c.add(new Case("rss hash --equal '" + v + "'", "rss", "hash", "-r", "10.0.0.1", "-t", "10.0.0.2", "-k", KEY, "--equal", v));
        }
        for (String v : List.of("-1", "0", "+40", "4e1", "100000000000")) {
            c.add(new Case("rss hash --key-length " + v, "rss", "hash", "-r", "10.0.0.1", "-t", "10.0.0.2", "-k", KEY, "--key-length", v));
        }
        for (String v : List.of("-1", "+60", "1e2", "0", "99999999999")) {
            c.add(new Case("tune apply --confirm-timeout " + v, "tune", "apply", "sandbox", "--profile", "ECS high throughput",
                    "--confirm-timeout", v));
            c.add(new Case("monitor --duration " + v, "monitor", "sandbox", "--nic", "eth1", "--duration", v));
        }
        for (String v : List.of("0", "0.01", "NaN", "Infinity", "1e1", "-1", "+1", "11", "\u0661")) {
            c.add(new Case("monitor --interval " + v, "monitor", "sandbox", "--nic", "eth1", "--interval", v, "--duration", "1"));
        }
        // Addresses.
        for (String v : List.of("10.0.0.010", "010.0.0.1", "10.0.0.\u0661", "256.1.1.1", "10.0.0", "10.0.0.1.2", "fd00:::1", "::g",
                "10.0.0.1;id", "$(id)", "10.0.0.-1", " ", "10.0.0.1\u001b[2J")) {
            c.add(new Case("rss hash -r '" + v + "'", "rss", "hash", "-r", v, "-t", "10.0.0.2", "-k", KEY));
        }
        // Keys.
        for (String v : List.of("zz", "69:e8", KEY + ":00", KEY.replace("69", "\u0666\u0669"), KEY.replace("69", "+6"), "", "x".repeat(100_000))) {
            c.add(new Case("rss hash -k <" + Math.min(v.length(), 20) + " chars>", "rss", "hash", "-r", "10.0.0.1", "-t", "10.0.0.2", "-k", v));
        }
        // Tables.
        for (String v : List.of("equal", "weight", "weight -1 2", "weight 999999999 1", "start 200 equal 4", "equal 4 junk", "\u001b[2J")) {
            c.add(new Case("rss table '" + v + "'", "rss", "table", v));
        }
        // Hosts.
        for (String v : List.of("x;y", "$(reboot)", "user@host:0", "user@host:65536", "user@host:-1", "-oProxyCommand=id", "a b",
                "user@[fd00::1", "h\u001b[2J", "x".repeat(300), "root@", "@host", "host:abc")) {
            c.add(new Case("host state '" + v.substring(0, Math.min(v.length(), 20)) + "'", "host", "state", v));
            c.add(new Case("tune plan '" + v.substring(0, Math.min(v.length(), 20)) + "'", "tune", "plan", v, "--profile",
                    "ECS high throughput"));
        }
        // Tuning and journal.
        c.add(new Case("tune finish --plan nosuch", "tune", "finish", "sandbox", "--plan", "nosuch"));
        c.add(new Case("tune plan --profile nosuch", "tune", "plan", "sandbox", "--profile", "nosuch"));
        c.add(new Case("monitor --csv into a missing folder", "monitor", "sandbox", "--nic", "eth1", "--duration", "1", "--csv",
                dir.resolve("no/such/folder/x.csv").toString()));
        c.add(new Case("monitor --csv a folder", "monitor", "sandbox", "--nic", "eth1", "--duration", "1", "--csv", folder.toString()));
        c.add(new Case("monitor --nic with escapes", "monitor", "sandbox", "--nic", "eth1\u001b[2J"));
        // Cloud: endpoints, kernels, hosts validated before any call.
        for (String v : List.of("a;b", "ftp://x", "http://", "http://h/path", "http://h:99999", "h:0", "$(id)", "http://user@h")) {
            c.add(new Case("cloud --endpoint '" + v + "'", "cloud", "instances", "--endpoint", v));
        }
        for (String v : List.of("6.12;id", "$(id)", "abc", "6..1", "-6.1")) {
            c.add(new Case("cloud eni rss --kernel '" + v + "'", "cloud", "eni", "rss", "eni-j6c0sandboxsecond01", "--enable",
                    "--endpoint", "sandbox", "--kernel", v));
        }
        c.add(new Case("cloud eni attach --host 'x;y'", "cloud", "eni", "attach", "eni-x", "--instance", "i-x", "--endpoint",
                "sandbox", "--host", "x;y"));
        c.add(new Case("cloud eni timeouts --udp +30", "cloud", "eni", "timeouts", "eni-x", "--udp", "+30", "--endpoint", "sandbox"));
        c.add(new Case("cloud eni attach --device-index 1e1", "cloud", "eni", "attach", "eni-x", "--instance", "i-x", "--device-index",
                "1e1", "--endpoint", "sandbox"));
        return c;
    }

    private Outcome runOne(Case c) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            ctx.cloudCredentialsFrom(java.util.Map.of(), dir.resolve("home"));
            exit = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(c.args());
        } catch (Throwable t) {
            return new Outcome(c, -1, t.toString(), "threw " + t.getClass().getSimpleName());
        }
        String e = err.toString();
        String o = out.toString();
        String problem = "";
        if (exit != 1 && exit != 2) {
            problem = "exit " + exit;
        } else if (e.isBlank()) {
            problem = "no message";
        } else if (JAVA_TEXT.matcher(e + o).find()) {
            problem = "Java text: " + firstMatch(e + o);
        } else if ((e + o).chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r')) {
            problem = "raw control character";
        } else if (e.length() > 20_000) {
            problem = "message of " + e.length() + " characters";
        }
        return new Outcome(c, exit, e, problem);
    }

    private static String firstMatch(String s) {
        var m = JAVA_TEXT.matcher(s);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 60);
        return s.substring(from, Math.min(s.length(), m.end() + 60)).replace('\n', ' ');
    }

    @Test
    void everyBadInputIsRefusedCleanly() throws Exception {
        List<Case> cases = cases();
        List<Outcome> bad = new ArrayList<>();
        int clean = 0;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Case c : cases) {
                Future<Outcome> f = pool.submit(() -> runOne(c));
                Outcome o;
                try {
                    // A hang guard, not a timing assertion: a FIFO or /dev/zero must never block the command.
                    o = f.get(120, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor();
                    o = new Outcome(c, -1, "", "hung");
                }
                if (o.problem().isEmpty()) {
                    clean++;
                } else {
                    bad.add(o);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder report = new StringBuilder("bad-input sweep: tried " + cases.size() + " / rejected cleanly " + clean
                + " / crashed " + bad.size() + "\n");
        for (Outcome o : bad) {
            report.append("  ").append(o.c().what()).append(": ").append(o.problem()).append(" | ")
                    .append(o.err().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?"), 0,
                            Math.min(200, o.err().lines().findFirst().orElse("").length())).append('\n');
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "bad-input-sweep.txt"), report, StandardCharsets.UTF_8);
        assertThat(bad).as(report.toString()).isEmpty();
    }
}
