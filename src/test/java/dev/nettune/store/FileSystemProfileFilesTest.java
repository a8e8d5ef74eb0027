package dev.nettune.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.Phrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile files on disk: what a profile that cannot be written says, in the user's language. */
class FileSystemProfileFilesTest {
    @TempDir
    Path dir;

    @Test
    void aProfileThatCannotBeWrittenSaysWhereAndWhyInChinese() throws Exception {
        // A file where the profiles' folder should be: refused even for root, unlike a read-only folder.
        Path notAFolder = Files.writeString(dir.resolve("profiles"), "a file");
        Path target = notAFolder.resolve("web.json");

        assertThatThrownBy(() -> new FileSystemProfileFiles().writeAtomically(target, "{}"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot write " + target + ": ")
                .satisfies(e -> assertThat(Phrase.describe(e, Locale.SIMPLIFIED_CHINESE)).startsWith("无法写入 " + target + "："));
    }
}
