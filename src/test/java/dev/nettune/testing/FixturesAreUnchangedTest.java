package dev.nettune.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fixtures under src/test/resources are the shared captures, byte for byte (the top README excepted). */
class FixturesAreUnchangedTest {

    @Test
    void everyCopiedFixtureIsByteIdenticalToTheSharedOriginal() throws IOException {
        Path shared = Path.of(System.getProperty("nettune.fixtures", "../shared/fixtures"));
        assumeTrue(Files.isDirectory(shared), "../shared/fixtures is not beside this clone; nothing to compare");
        List<Path> originals;
        try (Stream<Path> s = Files.walk(shared)) {
            // The copy's top README corrects the shared one's "every file was captured" (see linux/index.tsv).
            originals = s.filter(Files::isRegularFile).filter(f -> !f.equals(shared.resolve("README.md"))).toList();
        }
        assertThat(originals).isNotEmpty();
        for (Path original : originals) {
            Path copy = Fixtures.root().resolve(shared.relativize(original).toString());
            assertThat(copy).as("copy of " + original).exists();
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(original));
        }
    }
}
