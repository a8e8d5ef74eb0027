package dev.nettune.cli;

import dev.nettune.host.Printable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the CLI prints passes through here: host-supplied text (an os-release line, a sysctl file, an
 * error from a remote tool) cannot smuggle terminal escapes, because every control character except newline,
 * tab and carriage return is shown as {@code \xNN}. The one sequence NetTune itself sends (clear screen, for
 * the live monitor) goes through when it is written on its own.
 */
final class TerminalSafeWriter extends FilterWriter {
    /** Cursor home and clear screen: what {@code monitor} and {@code fleet monitor} redraw with. */
    static final String CLEAR_SCREEN = "\033[H\033[2J";

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        // Nearly everything is plain text: pass it on as it is, without copying it into Strings (rss hash --batch
        // writes 60 MB this way).
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if ((c < 0x20 || c >= 0x7f) && c != '\n' && c != '\t') {
                write(new String(buf, off, len));
                return;
            }
        }
        out.write(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        String chunk = s.substring(off, off + len);
        out.write(chunk.equals(CLEAR_SCREEN) ? chunk : Printable.escapeText(chunk));
    }
}
