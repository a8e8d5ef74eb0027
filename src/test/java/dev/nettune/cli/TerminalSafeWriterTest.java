package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What every CLI line passes through: plain text as it is, control characters shown, never sent to the terminal. */
class TerminalSafeWriterTest {
    private final StringWriter sink = new StringWriter();
    private final TerminalSafeWriter writer = new TerminalSafeWriter(sink);

    @Test
    void aBlockOfPlainTextPassesUnchanged() throws Exception {
        char[] block = "10.0.0.1,10.0.0.2,80,443,0x1234abcd,13,1\n\tx\n".toCharArray();

        writer.write(block, 0, block.length);

        assertThat(sink.toString()).isEqualTo(new String(block));
    }

    @Test
    void anEscapeInABlockIsShownNotSent() throws Exception {
        char[] block = "ok\u001b[2Jgone\n".toCharArray();

        writer.write(block, 0, block.length);

        assertThat(sink.toString()).doesNotContain("\u001b").contains("\\x1b[2Jgone\n");
    }

    @Test
    void onlyThePartOfTheBlockAskedForIsWritten() throws Exception {
        char[] block = "\u001bskip-this|keep this\n|and not this".toCharArray();

        writer.write(block, 11, 10);

        assertThat(sink.toString()).isEqualTo("keep this\n");
    }
}
