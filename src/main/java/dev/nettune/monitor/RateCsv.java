package dev.nettune.monitor;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes rates as CSV, one row per queue and sample (long format, easy to pivot or plot), and a
 * row with {@code gap} set where the stream was cut or the counters reset.
 */
public final class RateCsv {
    public static final String HEADER = "time_utc,epoch_ms,interval_s,queue,rx_packets_per_s,rx_bytes_per_s,"
            + "tx_packets_per_s,tx_bytes_per_s,interrupts_per_s,rx_packets,source,gap";

    private final Appendable out;

    public RateCsv(Appendable out) throws IOException {
        this.out = out;
        out.append(HEADER).append('\n');
    }

    public void sample(RateSample s) throws IOException {
        String time = Instant.ofEpochMilli(s.timeMillis()).toString();
        for (int q = 0; q < s.queueCount(); q++) {
            out.append(time).append(',').append(Long.toString(s.timeMillis())).append(',')
                    .append(num(s.seconds())).append(',').append(Integer.toString(q)).append(',')
                    .append(num(s.rxPps()[q])).append(',').append(num(s.rxBps()[q])).append(',')
                    .append(num(s.txPps()[q])).append(',').append(num(s.txBps()[q])).append(',')
                    .append(num(s.irqPerSecond()[q])).append(',')
                    .append(s.rxPacketDeltas()[q] < 0 ? "" : Long.toString(s.rxPacketDeltas()[q])).append(',')
                    .append(quote(s.source())).append(",\n");
        }
    }

    public void gap(long timeMillis, String reason) throws IOException {
        out.append(Instant.ofEpochMilli(timeMillis).toString()).append(',').append(Long.toString(timeMillis))
                .append(",,,,,,,,,,").append(quote(reason == null || reason.isBlank() ? "gap" : reason)).append('\n');
    }

    public void series(RecordedSeries series) throws IOException {
        for (RecordedSeries.Entry e : series.entries()) {
            if (e.gap()) {
                gap(e.timeMillis(), e.gapReason());
            } else {
                sample(e.sample());
            }
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** RFC 4180 quoting, and a leading quote-mark for text a spreadsheet would run as a formula. */
    static String quote(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}
