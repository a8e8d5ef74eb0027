package dev.nettune.rss;

/** How {@code ethtool -X} fills an indirection table: {@code equal N}, {@code weight W...} or {@code default}. */
public enum TableMode {
    /** {@code equal N}: entry i = start + (i mod N). */
    EQUAL,
    /** {@code weight W0 W1 ...}: contiguous blocks proportional to the weights. */
    WEIGHT,
    /** {@code default}: the driver's own even spread, entry i = i mod ring count. */
    DEFAULT;
}
