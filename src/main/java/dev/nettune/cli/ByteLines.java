package dev.nettune.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a byte stream, each seen in place as characters (one byte each) without decoding it
 * into a String: the flows CSV is ASCII, and a million {@code readLine} Strings cost more than
 * hashing them. {@link #text()} decodes a line as UTF-8 for the rows that need the full parser.
 * Line ends as {@link java.io.BufferedReader#readLine()} has them: {@code \n}, {@code \r} or
 * {@code \r\n}. Valid until the next {@link #next()}; one thread.
 */
final class ByteLines implements CharSequence {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int filled;
    private int pos;
    private int start;
    private int length;
    private boolean skipLf;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            for (int i = pos; i < filled; i++) {
                byte b = buf[i];
                if (skipLf) {
                    skipLf = false;
                    if (b == '\n') {
                        pos = i + 1;
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    start = pos;
                    length = i - pos;
                    pos = i + 1;
                    skipLf = b == '\r';
                    return true;
                }
            }
            if (eof) {
                if (pos < filled) {
                    start = pos;
                    length = filled - pos;
                    pos = filled;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Keeps the unread part of the buffer, growing it for a line longer than the buffer, and reads more. */
    private void fill() throws IOException {
        int keep = filled - pos;
        if (keep == buf.length) {
            // A line longer than the whole buffer is not a CSV row (/dev/zero, a binary file): stop, do not grow.
            throw new InputFiles.LineTooLongException(CliText.format("input.rowTooLong", String.valueOf(buf.length)));
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        filled = keep;
        pos = 0;
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    /** The read buffer: the current line is {@code buffer()[start(), start() + length())}, valid until {@link #next()}. */
    byte[] buffer() {
        return buf;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** The line decoded as UTF-8. */
    String text() {
        return new String(buf, start, length, StandardCharsets.UTF_8);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (buf[start + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return text().subSequence(from, to);
    }

    @Override
    public String toString() {
        return text();
    }
}
