package dev.nettune.store;

import dev.nettune.Phrase;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.RecordedSeries;
import dev.nettune.monitor.Recording;
import dev.nettune.monitor.Recordings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Monitor recordings in the SQLite file: one row per recording, one per sample (per-queue arrays
 * as little-endian float64 blobs, so a 64-queue hour stays a few MB), gaps as rows of their own.
 * Samples are written in batches, not one transaction per second.
 */
public final class RecordingStore implements Recordings {
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS recording (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              host TEXT NOT NULL,
              nic TEXT NOT NULL,
              started_at INTEGER NOT NULL,
              stopped_at INTEGER,
              interval_ms INTEGER NOT NULL,
              queue_count INTEGER NOT NULL DEFAULT 0,
              note TEXT NOT NULL DEFAULT '');
            CREATE TABLE IF NOT EXISTS recording_sample (
              recording_id INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
              t INTEGER NOT NULL,
              seconds REAL,
              queue_count INTEGER NOT NULL,
              gap_reason TEXT,
              source TEXT,
              rx_pps BLOB, rx_bps BLOB, tx_pps BLOB, tx_bps BLOB, irq BLOB, net_rx BLOB, rx_deltas BLOB);
            CREATE INDEX IF NOT EXISTS recording_sample_by_time ON recording_sample(recording_id, t)
            """;

    /** Samples buffered before one batch insert. */
    static final int BATCH = 20;

    private final Database db;

    public RecordingStore(Database db) {
        this.db = db;
        db.ensureSchema(SCHEMA);
    }

    /** Starts a recording; samples go to the returned sink until it is closed. */
    @Override
    public Writer start(String host, String nic, long intervalMillis, String note, long nowMillis) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO recording(host, nic, started_at, interval_ms, note) VALUES (?,?,?,?,?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, host);
            ps.setString(2, nic);
            ps.setLong(3, nowMillis);
            ps.setLong(4, intervalMillis);
            ps.setString(5, note == null ? "" : note);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return new Writer(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.rec.cannotStart", "Cannot start a recording in {0}: {1}", db.file(), e.getMessage()), e);
        }
    }

    /** A running recording: buffers samples and writes them in batches; close flushes and stamps the stop time. */
    public final class Writer implements Recordings.Session {
        private final long id;
        private final List<Object[]> pending = new ArrayList<>();
        private int queueCount;
        private long lastTime;
        private boolean closed;

        Writer(long id) {
            this.id = id;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public synchronized void sample(RateSample s) {
            if (closed) {
                return;
            }
            queueCount = Math.max(queueCount, s.queueCount());
            lastTime = s.timeMillis();
            pending.add(new Object[] {s.timeMillis(), s.seconds(), s.queueCount(), null, s.source(), blob(s.rxPps()),
                blob(s.rxBps()), blob(s.txPps()), blob(s.txBps()), blob(s.irqPerSecond()), blob(s.netRxPerCpu()),
                blob(s.rxPacketDeltas())});
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public synchronized void gap(long timeMillis, String reason) {
            if (closed) {
                return;
            }
            lastTime = timeMillis;
            pending.add(new Object[] {timeMillis, null, 0, reason == null ? "gap" : reason, null, null, null, null, null, null,
                null, null});
        }

        /** Writes buffered samples now. */
        public synchronized void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording_sample(recording_id, t, seconds, queue_count, "
                        + "gap_reason, source, rx_pps, rx_bps, tx_pps, tx_bps, irq, net_rx, rx_deltas) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement up = c.prepareStatement("UPDATE recording SET queue_count = MAX(queue_count, ?) WHERE id = ?")) {
                    for (Object[] row : pending) {
                        ps.setLong(1, id);
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 2, row[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    up.setInt(1, queueCount);
                    up.setLong(2, id);
                    up.executeUpdate();
                }
                c.commit();
                pending.clear();
            } catch (SQLException e) {
                throw new StoreException(Phrase.of("store.rec.cannotWrite", "Cannot write recording {0}: {1}", id, e.getMessage()), e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            flush();
            closed = true;
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("UPDATE recording SET stopped_at = ? WHERE id = ?")) {
                ps.setLong(1, Math.max(lastTime, System.currentTimeMillis()));
                ps.setLong(2, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException(Phrase.of("store.rec.cannotStop", "Cannot stop recording {0}: {1}", id, e.getMessage()), e);
            }
        }
    }

    /** Every recording, newest first. */
    @Override
    public List<Recording> list() {
        List<Recording> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT r.*, (SELECT COUNT(*) FROM recording_sample s WHERE s.recording_id = r.id "
                     + "AND s.gap_reason IS NULL) AS samples FROM recording r ORDER BY started_at DESC, id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(recording(rs));
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.rec.cannotList", "Cannot list recordings: {0}", e.getMessage()), e);
        }
        return out;
    }

    @Override
    public Optional<Recording> find(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst();
    }

    /** Reads a recording back, samples and gaps in time order. */
    @Override
    public RecordedSeries load(long id) {
        Recording r = find(id).orElseThrow(() -> new StoreException(Phrase.of("store.rec.none", "There is no recording {0}: `nettune monitor recordings` lists them.", id), null));
        List<RecordedSeries.Entry> entries = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM recording_sample WHERE recording_id = ? ORDER BY t, rowid")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = rs.getLong("t");
                    String gap = rs.getString("gap_reason");
                    if (gap != null) {
                        entries.add(new RecordedSeries.Entry(t, null, gap));
                        continue;
                    }
                    int n = rs.getInt("queue_count");
                    double[] irq = doubles(rs.getBytes("irq"));
                    entries.add(new RecordedSeries.Entry(t, new RateSample(t, rs.getDouble("seconds"), n,
                            doubles(rs.getBytes("rx_pps")), doubles(rs.getBytes("rx_bps")), doubles(rs.getBytes("tx_pps")),
                            doubles(rs.getBytes("tx_bps")), irq, new double[n][0], doubles(rs.getBytes("net_rx")),
                            longs(rs.getBytes("rx_deltas")), rs.getString("source")), null));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.rec.cannotRead", "Cannot read recording {0}: {1}", id, e.getMessage()), e);
        }
        return new RecordedSeries(r, entries);
    }

    @Override
    public void delete(long id) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM recording WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(Phrase.of("store.rec.cannotDelete", "Cannot delete recording {0}: {1}", id, e.getMessage()), e);
        }
    }

    private static Recording recording(ResultSet rs) throws SQLException {
        long stopped = rs.getLong("stopped_at");
        Optional<Long> stop = rs.wasNull() ? Optional.empty() : Optional.of(stopped);
        return new Recording(rs.getLong("id"), rs.getString("host"), rs.getString("nic"), rs.getLong("started_at"), stop,
                rs.getLong("interval_ms"), rs.getInt("queue_count"), rs.getInt("samples"), rs.getString("note"));
    }

    static byte[] blob(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    static byte[] blob(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long d : v) {
            b.putLong(d);
        }
        return b.array();
    }

    static double[] doubles(byte[] blob) {
        if (blob == null) {
            return new double[0];
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[blob.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    static long[] longs(byte[] blob) {
        if (blob == null) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[blob.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }
}
