package dev.nettune.rss;

import dev.nettune.Phrase;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** An RSS hash key: the bytes a Toeplitz hash slides its 32-bit window over. */
public final class RssKey {
    /** The fixed key length of an Alibaba Cloud ENI with custom RSS. */
    public static final int ENI_LENGTH = 40;

    /** Microsoft's published verification key; the default of many NICs and of DPDK. */
    public static final RssKey MICROSOFT = parse(
            "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:"
                    + "ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private RssKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key of exactly these bytes; any length from 4 bytes (one hash window) up is accepted. */
    public static RssKey of(byte[] bytes) {
        if (bytes.length < 4) {
            throw new RssInputException(Phrase.of("rss.key.tooShort", "An RSS key needs at least 4 bytes; this one has {0}.", bytes.length));
        }
        return new RssKey(bytes.clone());
    }

    /** Parses a 40-byte key, as an ENI uses. */
    public static RssKey parse(String text) {
        return parse(text, ENI_LENGTH);
    }

    /**
     * Parses {@code 6d:5a:...}, plain hex, {@code 0x...}, or the (possibly multi-line) key printed
     * by {@code ethtool -x}; {@code expectedLength} is the device's key length in bytes.
     */
    public static RssKey parse(String text, int expectedLength) {
        if (text == null || text.isBlank()) {
            throw new RssInputException(Phrase.of("rss.key.empty", "The key is empty; expected {0} bytes as hex, for example 6d:5a:56:da:... ({1} hex digits).",
                    expectedLength, expectedLength * 2));
        }
        String s = keyPart(text).strip();
        if (s.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.key.empty", "The key is empty; expected {0} bytes as hex, for example 6d:5a:56:da:... ({1} hex digits).",
                    expectedLength, expectedLength * 2));
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        // Colons or dashes separate bytes; so does white space between one- or two-digit groups.
        // Longer groups split over lines (a wrapped plain-hex key) are joined instead.
        boolean separated = s.indexOf(':') >= 0 || s.indexOf('-') >= 0
                || (s.matches("(?s).*\\s.*") && Arrays.stream(s.split("\\s+")).allMatch(p -> p.length() <= 2));
        byte[] out;
        if (separated) {
            String[] parts = s.split("[:\\-\\s]+");
            out = new byte[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                if (p.isEmpty() || p.length() > 2 || !isHex(p)) {
                    throw new RssInputException(Phrase.of("rss.key.badByte",
                            "Key byte {0} is '{1}': each byte must be one or two hex digits (0-9, a-f).", i + 1, p));
                }
                out[i] = (byte) Integer.parseInt(p, 16);
            }
        } else {
            s = s.replaceAll("\\s+", "");
            for (int i = 0; i < s.length(); i++) {
                if (!isAsciiHex(s.charAt(i))) {
                    throw new RssInputException(Phrase.of("rss.key.badDigit",
                            "Key byte {0} has '{1}', which is not a hex digit (0-9, a-f).", i / 2 + 1, s.charAt(i)));
                }
            }
            if (s.length() % 2 != 0) {
                throw new RssInputException(Phrase.of("rss.key.oddDigits",
                        "The key has {0} hex digits, an odd number: every byte needs two.", s.length()));
            }
            out = HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
        }
        if (out.length != expectedLength) {
            throw new RssInputException(Phrase.of("rss.key.wrongLength", "The key has {0} bytes; this device expects {1} bytes ({2} hex digits). {3}",
                    out.length, expectedLength, expectedLength * 2,
                    out.length > expectedLength ? Phrase.of("rss.key.byteTooMany", "Byte {0} is one too many.", expectedLength + 1)
                    : Phrase.of("rss.key.byteMissing", "Byte {0} is missing.", out.length + 1)));
        }
        return new RssKey(out);
    }

    /**
     * The key part of pasted text: a whole {@code ethtool -x} report (or its key section) is cut
     * down to the lines between "RSS hash key:" and the next section.
     */
    private static String keyPart(String text) {
        int at = text.indexOf("RSS hash key:");
        if (at < 0) {
            return text;
        }
        String rest = text.substring(at + "RSS hash key:".length());
        int end = rest.indexOf("RSS hash function:");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        int section = rest.indexOf("RSS input transformation:");
        return section >= 0 ? rest.substring(0, section) : rest;
    }

    /** 0-9, a-f, A-F only: Character.digit would also take other scripts' digits. */
    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isHex(String p) {
        for (int i = 0; i < p.length(); i++) {
            if (!isAsciiHex(p.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A fresh random key of {@code length} bytes from a SecureRandom, like {@code openssl rand -hex 40}. */
    public static RssKey random(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return of(b);
    }

    /**
     * The symmetric key: {@code 6d5a} repeated. Because its bit pattern repeats every 16 bits,
     * swapping source and destination (address and port) gives the same hash, so both directions
     * of a connection land in the same queue.
     */
    public static RssKey symmetric(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 2 == 0 ? 0x6d : 0x5a);
        }
        return of(b);
    }

    // One phrase for the Calculator and `rss key --symmetric`, said in the user's language.
    private static final dev.nettune.Phrase SYMMETRIC = dev.nettune.Phrase.of("rss.key.symmetricNote",
            "A symmetric key (6d:5a repeated) hashes a flow and its reply "
            + "(source and destination swapped) to the same value, so both directions of a connection are "
            + "handled by the same queue and CPU. It spreads flows less randomly than a random key.");

    public static final String SYMMETRIC_NOTE = SYMMETRIC.english();

    /** {@link #SYMMETRIC_NOTE} as a phrase, for the Calculator and {@code rss key --symmetric} in the user's language. */
    public static dev.nettune.Phrase symmetricNote() {
        return SYMMETRIC;
    }

    public int length() {
        return bytes.length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /** Colon-separated lower-case hex, the form {@code ethtool -x} prints and {@code ethtool -X hkey} takes. */
    public String toColonHex() {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    /** Plain hex without separators. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RssKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toColonHex();
    }
}
