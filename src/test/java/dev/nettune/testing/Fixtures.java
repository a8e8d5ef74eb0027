package dev.nettune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real captured tool output, byte-for-byte copies of {@code ../shared/fixtures} kept in
 * {@code src/test/resources/fixtures} so that a clone on its own runs its tests.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("No fixture " + relative + " under " + root());
        }
        return p;
    }

    /** The fixture's text, exactly as captured. */
    public static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
