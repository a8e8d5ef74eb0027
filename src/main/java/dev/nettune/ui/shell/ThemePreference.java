package dev.nettune.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Remembers light or dark between runs, in {@code ui.properties} of the config directory. */
final class ThemePreference {
    private final Path file;

    ThemePreference(Path configDir) {
        this.file = configDir == null ? null : configDir.resolve("ui.properties");
    }

    boolean dark() {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return "dark".equals(p.getProperty("theme"));
    }

    void save(boolean dark) {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("theme", dark ? "dark" : "light");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "NetTune window settings");
            }
        } catch (IOException e) {
            // A theme that is not remembered is no reason to interrupt the user.
        }
    }
}
