package dev.nettune.monitor;

import java.util.List;

/** A recording read back: its description and every sample, gaps as {@link Entry#gap()} entries, in time order. */
public record RecordedSeries(Recording recording, List<Entry> entries) {
    public RecordedSeries {
        entries = List.copyOf(entries);
    }

    /** A sample, or a gap (sample null, reason set). */
    public record Entry(long timeMillis, RateSample sample, String gapReason) {
        public boolean gap() {
            return sample == null;
        }
    }

    public List<RateSample> samples() {
        return entries.stream().filter(e -> !e.gap()).map(Entry::sample).toList();
    }
}
