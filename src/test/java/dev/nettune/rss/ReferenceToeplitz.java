package dev.nettune.rss;

/**
 * The Toeplitz hash written the plain way, bit by bit as Microsoft's RSS specification describes
 * it: for every set input bit, XOR in the 32-bit key window that starts at that bit. Slow and
 * obvious; the table-driven {@link ToeplitzHash} is held equal to it.
 */
final class ReferenceToeplitz {
    private ReferenceToeplitz() {
    }

    static int hash(byte[] key, byte[] input) {
        int result = 0;
        for (int i = 0; i < input.length * 8; i++) {
            int bit = (input[i / 8] >>> (7 - i % 8)) & 1;
            if (bit == 1) {
                result ^= window(key, i);
            }
        }
        return result;
    }

    private static int window(byte[] key, int start) {
        int w = 0;
        for (int j = 0; j < 32; j++) {
            int k = start + j;
            int b = k / 8 < key.length ? (key[k / 8] >>> (7 - k % 8)) & 1 : 0;
            w = (w << 1) | b;
        }
        return w;
    }

    static int hash(RssKey key, Flow flow) {
        return flow.protocol().isHashed() ? hash(key.bytes(), flow.hashInput()) : 0;
    }
}
