package dev.nettune.monitor;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns the sampler's output lines back into {@link SampleFrame}s. A frame is handed on only when
 * its end marker arrives, so a stream cut in the middle of a snapshot yields no half frame.
 * Not thread-safe: one reader per stream, fed from the stream's thread.
 */
public final class SampleFrameReader {
    private final Consumer<SampleFrame> out;
    private final LongSupplier clock;
    private final StringBuilder[] sections = {new StringBuilder(512), new StringBuilder(8192), new StringBuilder(8192), new StringBuilder(512)};
    private int current = -1;
    private double uptime = Double.NaN;
    private boolean inFrame;
    private long malformed;

    public SampleFrameReader(Consumer<SampleFrame> out, LongSupplier clockMillis) {
        this.out = out;
        this.clock = clockMillis;
    }

    /** Feeds one line (without its newline). */
    public void line(String line) {
        if (line.startsWith("@@")) {
            if (line.startsWith(SamplerScript.SAMPLE_MARKER)) {
                begin(line);
                return;
            }
            if (inFrame && line.startsWith(SamplerScript.SECTION_MARKER)) {
                current = sectionIndex(line.substring(SamplerScript.SECTION_MARKER.length()).strip());
                return;
            }
            if (inFrame && line.equals(SamplerScript.END_MARKER)) {
                out.accept(new SampleFrame(uptime, clock.getAsLong(), sections[0].toString(), sections[1].toString(),
                        sections[2].toString(), sections[3].toString()));
                inFrame = false;
                current = -1;
                return;
            }
        }
        if (inFrame && current >= 0) {
            sections[current].append(line).append('\n');
        }
    }

    private void begin(String line) {
        if (inFrame) {
            malformed++;
        }
        inFrame = true;
        current = -1;
        for (StringBuilder sb : sections) {
            sb.setLength(0);
        }
        try {
            uptime = Double.parseDouble(line.substring(SamplerScript.SAMPLE_MARKER.length()).strip());
        } catch (NumberFormatException e) {
            uptime = Double.NaN;
        }
    }

    private static int sectionIndex(String name) {
        return switch (name) {
            case "statistics" -> 0;
            case "ethtool" -> 1;
            case "interrupts" -> 2;
            case "softirqs" -> 3;
            default -> -1;
        };
    }

    /** Drops a frame in progress (the stream was cut). */
    public void reset() {
        inFrame = false;
        current = -1;
    }

    /** Frames that started before the previous one ended (output interleaved or cut). */
    public long malformedFrames() {
        return malformed;
    }
}
