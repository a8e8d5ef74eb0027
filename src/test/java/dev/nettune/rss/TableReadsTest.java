package dev.nettune.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableReadsTest {
    @Test
    void everyEntryReadsAsTheCheckedArrayReadInItsLow32Bits() {
        int[] t = new int[36 * 256 + 1];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextInt();
        }
        for (int i = 0; i < t.length - 1; i++) {
            assertThat((int) TableReads.entry(t, i)).as("entry %d", i).isEqualTo((int) TableReads.checkedEntry(t, i)).isEqualTo(t[i]);
        }
    }

    @Test
    void readsSkipTheBoundsCheckOnTheLittleEndianJdk17ThisProjectShips() {
        // Where this fails, the hashes are still right but bounds-checked, and slower (the Java/C ratios in README).
        assertThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(Runtime.version().feature()).isLessThan(24);
        assertThat(TableReads.RAW).isTrue();
    }
}
