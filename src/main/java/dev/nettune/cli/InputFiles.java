package dev.nettune.cli;

import dev.nettune.host.Printable;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a user names on the command line, read with bounds: only a regular file (or {@code -} for standard
 * input where a command streams), a size cap for whole-file reads and a line-length cap for streamed ones, so
 * {@code /dev/zero}, a FIFO or a directory ends at once with a message instead of a hang or an out-of-memory.
 */
final class InputFiles {
    /** Longest line of a CSV or ethtool capture: real lines are under 200 characters. */
    static final int MAX_LINE = 4096;
    /** Largest file read whole (an ethtool capture, a goals CSV, a profile): real ones are a few kB. */
    static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

    private InputFiles() {
    }

    /** {@code file} as text, BOM removed; refused unless a regular file under {@link #MAX_TEXT_BYTES}. */
    static String readText(Path file, String what) {
        checkRegular(file, what, false);
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new CliInputException(CliText.format("input.tooLarge", said(what), shown(file),
                        String.valueOf(MAX_TEXT_BYTES / (1024 * 1024))));
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CliInputException(CliText.format("input.notUtf8", said(what), shown(file)));
        } catch (IOException e) {
            throw new CliInputException(CliText.format("input.unreadable", said(what), shown(file)));
        }
    }

    /**
     * Lines of {@code name} ({@code -}: standard input), each at most {@link #MAX_LINE} characters: a longer
     * one ends the read with an IOException that says which line and what is allowed.
     */
    static BufferedReader openLines(String name, String what) {
        Reader raw;
        if (name.equals("-")) {
            raw = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        } else {
            Path p = Path.of(name);
            checkRegular(p, what, true);
            try {
                raw = Files.newBufferedReader(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliInputException(CliText.format("input.unreadableOrStdin", said(what), shown(p)));
            }
        }
        return new BufferedReader(new LineCap(raw, name.equals("-") ? "standard input" : shown(Path.of(name))), 1 << 16);
    }

    /** The bytes of {@code name} ({@code -}: standard input), a regular file only; lines are capped by {@link ByteLines}. */
    static java.io.InputStream openStream(String name, String what) {
        if (name.equals("-")) {
            return System.in;
        }
        Path p = Path.of(name);
        checkRegular(p, what, true);
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new CliInputException(CliText.format("input.unreadableOrStdin", said(what), shown(p)));
        }
    }

    /** Refuses what is not a regular file, naming what it is. */
    static void checkRegular(Path file, String what, boolean stdinAllowed) {
        String alternative = CliText.get(stdinAllowed ? "input.giveFileOrStdin" : "input.giveFile");
        if (!Files.exists(file)) {
            throw new CliInputException(CliText.format("input.noSuchFile", said(what), shown(file), alternative));
        }
        if (Files.isDirectory(file)) {
            throw new CliInputException(CliText.format("input.folder", said(what), shown(file), alternative));
        }
        if (!Files.isRegularFile(file)) {
            throw new CliInputException(CliText.format("input.notRegular", said(what), shown(file), alternative));
        }
        if (!Files.isReadable(file)) {
            throw new CliInputException(CliText.format("input.permissions", said(what), shown(file), alternative));
        }
    }

    static String shown(Path p) {
        return Printable.clip(p.toString());
    }

    /** Counts characters since the last newline and stops the read when a line passes {@link #MAX_LINE}. */
    private static final class LineCap extends FilterReader {
        private final String source;
        private int column;
        private long line = 1;

        LineCap(Reader in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                count(buf[off + i]);
            }
            return n;
        }

        private void count(char c) throws IOException {
            if (c == '\n') {
                column = 0;
                line++;
            } else if (++column > MAX_LINE) {
                throw new LineTooLongException(CliText.format("input.lineTooLong", "standard input".equals(source)
                        ? CliText.get("input.stdin") : source, String.valueOf(line), String.valueOf(MAX_LINE)));
            }
        }
    }

    // What the file is, as the message names it: an option (--flows) as typed, "the file" in the CLI's language.
    private static String said(String what) {
        return "the file".equals(what) ? CliText.get("input.theFile") : what;
    }

    /** A line past {@link #MAX_LINE}: its message is the user's message. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(String message) {
            super(message);
        }
    }
}
