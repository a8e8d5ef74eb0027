package dev.nettune.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** How a command prints its answer: with {@code --json} one compact JSON document, else text; flushed either way. */
final class CliOutput {
    private CliOutput() {
    }

    /** Prints {@code document} as JSON when {@code json}, else lets {@code text} write; the document is only built when printed. */
    static void print(PrintWriter out, boolean json, Supplier<?> document, Consumer<PrintWriter> text) {
        if (json) {
            out.println(CliJson.write(document.get()));
        } else {
            text.accept(out);
        }
        out.flush();
    }

    /** A text table of fixed-width columns under a header row; an absent cell (null or an empty Optional) prints as "-". */
    static final class Table {
        private final PrintWriter out;
        private final String format;

        /** Prints the header at once: {@code format} is a printf format with one {@code %s} per column and a trailing {@code %n}. */
        Table(PrintWriter out, String format, String... header) {
            this.out = out;
            this.format = format;
            out.printf(format, (Object[]) header);
        }

        /**
         * Prints the header's cells left-aligned in {@code widths} terminal columns (a Chinese header's characters take two
         * each, which printf's widths count as one), the last cell as it is; {@code format} lays out the rows.
         */
        Table(PrintWriter out, String format, int[] widths, String... header) {
            this.out = out;
            this.format = format;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < header.length; i++) {
                line.append(i < widths.length ? CliText.padRight(header[i], widths[i]) + " " : header[i]);
            }
            out.println(line);
        }

        void row(Object... cells) {
            Object[] shown = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                shown[i] = cell(cells[i]);
            }
            out.printf(format, shown);
        }

        private static Object cell(Object v) {
            if (v instanceof Optional<?> o) {
                return o.map(x -> (Object) x).orElse("-");
            }
            return v == null ? "-" : v;
        }
    }
}
