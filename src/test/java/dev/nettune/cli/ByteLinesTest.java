package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteLinesTest {

    private static List<String> readLines(String text) throws Exception {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(text));
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l);
        }
        return out;
    }

    private static List<String> byteLines(InputStream in) throws Exception {
        List<String> out = new ArrayList<>();
        ByteLines lines = new ByteLines(in);
        while (lines.next()) {
            out.add(lines.text());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "\r\n\r\n", "a\r\r\nb", "x,y\n\nz"})
    void splitsLinesAsBufferedReaderDoes(String text) throws Exception {
        assertThat(byteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(readLines(text));
    }

    @Test
    void aCrLfSplitAcrossTwoReadsEndsOneLineOnlyAndALineNearlyAsLongAsTheBufferIsKept() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("10.0.0.").append(i % 256).append(",10.0.0.5,").append(i).append(",80\r\n");
        }
        sb.append("x".repeat(65_000)).append("\r\nlast");
        String text = sb.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // A stream that hands out at most 7 bytes a read, so every boundary case (\r, then \n) happens.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        assertThat(byteLines(trickle)).isEqualTo(readLines(text));
    }

    @Test
    void aLineLongerThanTheBufferIsRefusedAsNotARowInsteadOfGrowingWithoutEnd() {
        // /dev/zero or a binary file has no line ends: growing the buffer would eat the heap.
        byte[] bytes = ("10.0.0.1,10.0.0.2,1,2\n" + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> byteLines(new ByteArrayInputStream(bytes)))
                .isInstanceOf(InputFiles.LineTooLongException.class).hasMessageContaining("not a row");
    }

    @Test
    void seesEachByteAsACharacterAndDecodesTheLineAsUtf8() throws Exception {
        ByteLines lines = new ByteLines(new ByteArrayInputStream("10.0.0.1,é\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(lines.next()).isTrue();
        assertThat(lines.length()).isEqualTo(11);
        assertThat(lines.charAt(0)).isEqualTo('1');
        assertThat(lines.text()).isEqualTo("10.0.0.1,é");
        assertThat(lines.next()).isFalse();
    }
}
