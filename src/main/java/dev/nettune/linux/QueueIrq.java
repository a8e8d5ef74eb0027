package dev.nettune.linux;

import java.util.Optional;

/**
 * The interrupt of one NIC queue: direction (rx, tx or combined "rxtx"), queue index, IRQ number, the
 * name /proc/interrupts shows, its count, and the CPUs it may run on ({@code smp_affinity_list}) if read.
 */
public record QueueIrq(Direction direction, int queue, int irq, String name, long count, Optional<CpuSet> affinity) {

    /** Which traffic an interrupt serves. */
    public enum Direction { RX, TX, RXTX }

    public QueueIrq withAffinity(CpuSet cpus) {
        return new QueueIrq(direction, queue, irq, name, count, Optional.of(cpus));
    }

    public boolean servesRx() {
        return direction != Direction.TX;
    }
}
