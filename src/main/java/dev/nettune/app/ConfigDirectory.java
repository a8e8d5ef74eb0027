package dev.nettune.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where NetTune keeps its own files: the database, profiles. Never a secret. */
public final class ConfigDirectory {
    private ConfigDirectory() {
    }

    /**
     * {@code -Dnettune.config=DIR} or {@code NETTUNE_CONFIG} first (tests and portable installs), then the
     * platform's convention: XDG on Linux, Application Support on macOS, APPDATA on Windows.
     */
    public static Path resolve() {
        String explicit = System.getProperty("nettune.config", System.getenv("NETTUNE_CONFIG"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = dev.nettune.host.UserHome.path().toString();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "NetTune");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "NetTune");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "nettune");
    }
}
