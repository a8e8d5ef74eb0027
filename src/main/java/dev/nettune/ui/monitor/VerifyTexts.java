package dev.nettune.ui.monitor;

import dev.nettune.Phrase;
import dev.nettune.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Verify tab's lines that the verifiers hand over as English text (progress lines, the seed scenarios'
 * verdicts and fixes, the mapping a failed designed verification names, where the counts came from), said in
 * the language in use from the Messages bundles. Each known sentence is a pattern whose parts (queues, counts,
 * flows, commands) are kept as they are; a sentence no pattern knows is shown as it came. VerifyTextsTest runs
 * the verifiers' own code, so a sentence changed there without a pattern here fails it.
 */
final class VerifyTexts {
    private record Rule(Pattern english, String key) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String regex, String key) {
        RULES.add(new Rule(Pattern.compile(regex), key));
    }

    static {
        // Progress lines (DesignedVerifier, RssVerifier, VerificationService).
        rule("Checking (.+)", "monitor.verify.progress.checking");
        rule("Reading the live key, table and rings of (\\S+) on (.+) \\(ethtool -x\\)", "monitor.verify.progress.readingRings");
        rule("Reading the live key and table of (\\S+) on (.+) \\(ethtool -x\\)", "monitor.verify.progress.reading");
        rule("Measuring the background traffic for (\\S+) s", "monitor.verify.progress.background");
        rule("Arming per-packet attribution: (.+)", "monitor.verify.progress.arming");
        rule("Per-packet attribution: (.+)", "monitor.verify.progress.tracing");
        rule("No per-packet attribution \\((.+)\\): judging by counter deltas", "monitor.verify.progress.noTrace");
        rule("Designed (\\d+) flows, (\\d+) per queue, in (\\d+) bursts \\(one per queue the table uses\\); a NIC steering any"
                + " other way passes with probability at most (\\S+)", "monitor.verify.progress.designed");
        rule("Only (\\d+) of (\\d+) packets of the burst for queue (\\d+) were seen: sending it once more at a tenth of the rate",
                "monitor.verify.progress.resend");
        rule("Burst for queue (\\d+): (\\d+) flows x (\\d+) packets, (\\d+) µs apart", "monitor.verify.progress.burst");
        rule("Predicted queue (\\d+) for (.+)", "monitor.verify.progress.predicted");
        rule("Sending: (.+)", "monitor.verify.progress.sending");
        rule("Note: (.+)", "monitor.verify.progress.note");
        // Who sends and what counts (TrafficSender / PacketTracer descriptions, the counter source).
        rule("hping3 on (.+)", "monitor.verify.sender.hping3");
        rule("the sandbox sender \\(simulated hping3 to (\\S+)\\)", "monitor.verify.sender.sandbox");
        rule("(.+) \\(per packet\\)", "monitor.verify.source.perPacket");
        rule("tracefs net:(\\S+) on (\\S+) \\((.+)\\)", "monitor.verify.source.tracefsAt");
        rule("tracefs net:(\\S+) on (\\S+)", "monitor.verify.source.tracefs");
        rule("(.+) \\(no per-packet trace: (.+)\\)", "monitor.verify.source.noTrace");
        rule("/proc/interrupts \\(no per-queue packet counters\\)", "monitor.verify.source.interrupts");
        // The seed scenarios' verdicts (RssVerifier, ShareCheck).
        rule("As predicted: (\\d+) of (\\d+) (packets|interrupts) above the background \\((\\d+) %\\) landed in queue (\\d+),"
                + " the queue the live key and table give (.+)\\.", "monitor.verify.simple.fixedPass");
        rule("Off: the calculator predicts queue (\\d+) for (.+) from the live key and table, but queue (\\d+) received (\\d+)"
                + " of (\\d+) (packets|interrupts) \\(queue (\\d+) got (\\d+) %\\)\\.", "monitor.verify.simple.fixedFail");
        rule("As the table says: every queue within (.+?) of its expected share \\(worst: queue (-?\\d+), (.+?) off;"
                + " p = (\\S+)\\)\\.", "monitor.verify.simple.spreadPass");
        rule("Off: queue (\\d+) got (.+?) of the packets where the table gives it (.+?) \\(chi-square (\\S+), (\\d+) dof,"
                + " p = (\\S+)\\)\\.", "monitor.verify.simple.spreadFail");
        rule("Queue (\\d+) received (\\d+) packets \\((.+?)\\) although the table gives it no bucket: the NIC is not using"
                + " this table\\.", "monitor.verify.simple.stray");
        rule("(\\d+) packets are too few to judge: every queue the table uses should expect at least (\\d+)"
                + " \\(send at least (\\d+)\\)\\.", "monitor.verify.simple.tooFew");
        rule("Every queue is within (.+?) of its expected share \\(worst: queue (-?\\d+), (.+?) off\\), but the difference is"
                + " significant \\(p = (\\S+)\\): the NIC may not use this table\\. Run the designed verification\\.",
                "monitor.verify.simple.significant");
        rule("This NIC does not report packets for every queue, so shares cannot be compared\\.",
                "monitor.verify.simple.sharesUnknown");
        rule("(\\S+) does not report packets per queue, so the test cannot be judged\\.", "monitor.verify.simple.noPerQueue");
        rule("The counters reset while measuring the background; run it again\\.", "monitor.verify.simple.resetBackground");
        rule("The counters reset during the test \\(driver reload or channel change\\); run it again\\.",
                "monitor.verify.simple.resetDuring");
        rule("Only (\\d+) of (\\d+) packets showed up on (\\S+) above the background: check that (\\S+) is this NIC's address,"
                + " that the security group lets TCP in from (\\S+), and that hping3 sent from the right interface\\.",
                "monitor.verify.simple.notArrived");
        // The seed scenarios' fixes (RssVerifier).
        rule("The spread does not follow the table\\. As the seed suggests, try a new random key \\(or refill the table evenly"
                + " with equal (\\d+)\\) and run scenario 1 again\\.", "monitor.verify.fix.spread");
        rule("The NIC did not put the flow where its own ethtool -x says\\. Push the key and table again \\(a NIC may show a"
                + " table it does not use until the first ethtool -X, and a channel change can switch RSS off\\), then run"
                + " scenario 2 again; if it still fails, the device hashes differently from what it reports\\.",
                "monitor.verify.fix.fixedFlow");
        // The mappings a failed designed verification can name (Mapping.alternatives).
        rule("every flow on queue (\\d+)", "monitor.verify.mapping.oneQueue");
        rule("the driver's default table \\(equal (\\d+)\\)", "monitor.verify.mapping.defaultTable");
        rule("the key shifted by one byte", "monitor.verify.mapping.shiftedKey");
        rule("the key and table before the last change", "monitor.verify.mapping.previous");
        rule("the reversed tuple \\(destination first\\)", "monitor.verify.mapping.reversed");
        rule("the sorted tuple \\(lower address first\\)", "monitor.verify.mapping.sorted");
        rule("the XOR-folded tuple \\(symmetric-xor\\)", "monitor.verify.mapping.xorFolded");
        rule("the first (\\d+) entries \\(a (\\d+)-entry table\\)", "monitor.verify.mapping.tableSize");
        rule("the default table over (\\d+) queues", "monitor.verify.mapping.queueCount");
        rule("the live key and table", "monitor.verify.mapping.predicted");
    }

    private VerifyTexts() {
    }

    /** The line in the language in use: the bundle's sentence when a pattern knows it, else the line as it came. */
    static String say(String english) {
        if (english == null || english.isEmpty() || !"zh".equals(Messages.locale().getLanguage())) {
            return english;
        }
        for (Rule r : RULES) {
            Matcher m = r.english().matcher(english);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    // A part may itself be a known sentence ("Checking hping3 on sender"); numbers stay as written.
                    String g = m.group(i + 1);
                    parts[i] = g == null ? "" : "packets".equals(g) || "interrupts".equals(g) ? Messages.get("monitor.verify.unit." + g)
                            : say(g);
                }
                return Messages.format(r.key(), parts);
            }
        }
        return english;
    }

    /**
     * A designed verdict's explanation in the language in use: the phrase itself from the phrases bundle, with the
     * mapping it names (handed over as text) said here.
     */
    static String say(Phrase said) {
        if ("monitor.verdict.fits".equals(said.key()) && said.args().size() > 2 && said.args().get(2) instanceof String mapping) {
            List<Object> args = new ArrayList<>(said.args());
            args.set(2, say(mapping));
            said = new Phrase(said.key(), said.english(), args);
        }
        return Messages.say(said);
    }
}
