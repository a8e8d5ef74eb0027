package dev.nettune.ui.calculator;

/** One queue of the table: how many buckets point at it and the share of a uniform hash it gets. */
public record QueueBuckets(int queue, int buckets, double share) {
}
