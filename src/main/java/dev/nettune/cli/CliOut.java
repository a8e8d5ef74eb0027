package dev.nettune.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CLI's standard output: the escaping writer every command prints through, plus, when it is the process's
 * own console in an encoding that writes ASCII as ASCII, the byte stream beneath it. A command that writes
 * only ASCII it formatted itself ({@code rss hash --batch}: digits, dots, commas) may write those bytes
 * directly; the per-character escaping and encoding cost more than hashing the rows.
 */
final class CliOut extends PrintWriter {
    private static final String PRINTABLE_ASCII;

    static {
        StringBuilder s = new StringBuilder("\n");
        for (char c = 0x20; c < 0x7f; c++) {
            s.append(c);
        }
        PRINTABLE_ASCII = s.toString();
    }

    private final OutputStream ascii;

    CliOut(Writer escaping, OutputStream ascii) {
        super(escaping, true);
        this.ascii = ascii;
    }

    /**
     * The bytes under this writer, for printable ASCII and newlines only, once the writer has been flushed; empty
     * when it writes into memory (tests) or its encoding does not write ASCII as ASCII.
     */
    Optional<OutputStream> asciiBytes() {
        return Optional.ofNullable(ascii);
    }

    /** Whether {@code cs} writes printable ASCII and newline as the same bytes (UTF-8, GB18030, ... but not UTF-16). */
    static boolean writesAsciiAsIs(Charset cs) {
        return Arrays.equals(PRINTABLE_ASCII.getBytes(cs), PRINTABLE_ASCII.getBytes(StandardCharsets.US_ASCII));
    }
}
