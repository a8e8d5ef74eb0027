package dev.nettune.monitor;

/** A per-queue rate the monitor keeps history of. */
public enum QueueMetric {
    RX_PACKETS("rx packets/s"),
    RX_BYTES("rx bytes/s"),
    TX_PACKETS("tx packets/s"),
    TX_BYTES("tx bytes/s"),
    INTERRUPTS("interrupts/s");

    private final String label;

    QueueMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    double[] of(RateSample s) {
        return switch (this) {
            case RX_PACKETS -> s.rxPps();
            case RX_BYTES -> s.rxBps();
            case TX_PACKETS -> s.txPps();
            case TX_BYTES -> s.txBps();
            case INTERRUPTS -> s.irqPerSecond();
        };
    }
}
