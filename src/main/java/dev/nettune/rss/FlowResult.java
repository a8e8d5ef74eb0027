package dev.nettune.rss;

/**
 * Where one flow lands: its Toeplitz hash, the bucket (hash mod table size) and the queue that
 * bucket points at. A non-IP flow is not hashed: {@code hash} is 0, {@code index} is -1 (no
 * bucket) and the queue is 0, the ENI's rule for ARP and the like.
 */
public record FlowResult(Flow flow, int hash, int index, int queue) {

    /** Index of a flow that is not hashed and so falls in no bucket. */
    public static final int NO_BUCKET = -1;

    /** Whether the flow was hashed (it is IP traffic). */
    public boolean hashed() {
        return flow.protocol().isHashed();
    }

    /** The hash as {@code 0x%08x}, the form the CLI and the seed's script print. */
    public String hashHex() {
        return String.format("0x%08x", hash);
    }

    /** The hash as an unsigned decimal number. */
    public long hashUnsigned() {
        return Integer.toUnsignedLong(hash);
    }
}
