package dev.nettune.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FixturesAreUnchangedTest {

    @Test
    void everyCopiedFixtureIsByteIdenticalToTheSharedOriginal() throws IOException {
        Path shared = Path.of(System.getProperty("nettune.fixtures", "../shared/fixtures"));
        assumeTrue(Files.isDirectory(shared), "../shared/fixtures is not beside this clone; nothing to compare");
        List<Path> originals;
        try (Stream<Path> s = Files.walk(shared)) {
            originals = s.filter(Files::isRegularFile).toList();
        }
        assertThat(originals).isNotEmpty();
        for (Path original : originals) {
            Path copy = Fixtures.root().resolve(shared.relativize(original).toString());
            assertThat(copy).as("copy of " + original).exists();
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(original));
        }
    }
}
