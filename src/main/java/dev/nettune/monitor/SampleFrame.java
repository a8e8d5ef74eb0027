package dev.nettune.monitor;

import java.util.Objects;

/**
 * The raw text of one sampler snapshot, section by section, with the host's uptime at the time
 * it was taken and the local time it arrived.
 */
public record SampleFrame(double uptimeSeconds, long receivedAtMillis, String statistics, String ethtool,
        String interrupts, String softirqs) {
    public SampleFrame {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(ethtool, "ethtool");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(softirqs, "softirqs");
    }

    /** Renders the frame exactly as the sampler script prints it (used by simulated hosts and tests). */
    public String render() {
        StringBuilder sb = new StringBuilder(statistics.length() + ethtool.length() + interrupts.length() + softirqs.length() + 128);
        sb.append(SamplerScript.SAMPLE_MARKER).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", uptimeSeconds)).append('\n');
        section(sb, "statistics", statistics);
        section(sb, "ethtool", ethtool);
        section(sb, "interrupts", interrupts);
        section(sb, "softirqs", softirqs);
        sb.append(SamplerScript.END_MARKER).append('\n');
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, String text) {
        sb.append(SamplerScript.SECTION_MARKER).append(' ').append(name).append('\n').append(text);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            sb.append('\n');
        }
    }
}
