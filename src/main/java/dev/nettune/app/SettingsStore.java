package dev.nettune.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in {@code settings.properties} of the config directory (which follows
 * {@code $HOME} and {@code $XDG_CONFIG_HOME}). Each change is written to a temporary file and moved over
 * the old one, so a crash leaves either the old or the new settings, never half a file. Writes run on one
 * background thread: a screen that records its host never waits for the disk.
 */
public final class SettingsStore implements AutoCloseable {
    static final String FILE = "settings.properties";
    /** The first release kept only the theme, here. */
    static final String OLD_THEME_FILE = "ui.properties";

    /**
     * The logger, made on first use: the settings are read before the first frame, and starting logback (its
     * XML configuration, some 480 classes) there cost about a second of the start on a busy machine.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    }

    private final Path file;
    private volatile Settings current;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nettune-settings");
        t.setDaemon(true);
        return t;
    });

    private SettingsStore(Path file, Settings current) {
        this.file = file;
        this.current = current;
    }

    /** Reads the settings of this config directory; a missing or unreadable file gives the defaults. */
    public static SettingsStore open(Path configDir) {
        Path file = configDir.resolve(FILE);
        return new SettingsStore(file, read(file, configDir.resolve(OLD_THEME_FILE)));
    }

    public Path file() {
        return file;
    }

    public Settings current() {
        return current;
    }

    /** Changes the settings and writes them in the background (the last change wins). */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        Settings next = change.apply(current);
        if (!next.equals(current)) {
            current = next;
            try {
                writer.execute(() -> writeQuietly(next));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // After close (the window's bounds are saved as it hides, which can follow the application's stop): write now.
                writeQuietly(next);
            }
        }
        return next;
    }

    /** Waits until every change so far is on disk (tests, and the application on exit). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Log.LOG.warn("Settings were not all written: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }

    private void writeQuietly(Settings s) {
        try {
            write(file, s);
        } catch (IOException | UncheckedIOException e) {
            // Settings that are not remembered are no reason to interrupt the user.
            Log.LOG.warn("Settings could not be saved to {}: {}", file, e.toString());
        }
    }

    /** Writes atomically: a temporary file beside the target, then a move over it. */
    static void write(Path file, Settings s) throws IOException {
        Properties p = new Properties();
        s.language().ifPresent(l -> p.setProperty("language", l));
        p.setProperty("theme", s.theme());
        s.window().ifPresent(w -> {
            p.setProperty("window.x", Double.toString(w.x()));
            p.setProperty("window.y", Double.toString(w.y()));
            p.setProperty("window.width", Double.toString(w.width()));
            p.setProperty("window.height", Double.toString(w.height()));
            p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        });
        s.lastHost().ifPresent(h -> p.setProperty("last.host", h));
        s.lastScreen().ifPresent(v -> p.setProperty("last.screen", v));
        s.cloud().ifPresent(c -> {
            p.setProperty("cloud.account", c.account());
            c.region().ifPresent(r -> p.setProperty("cloud.region", r));
            c.endpoint().ifPresent(e -> p.setProperty("cloud.endpoint", e));
        });
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "NetTune settings (no secrets: credentials stay in ~/.aliyun and the SSH agent)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Each value on its own: one bad entry (a hand edit) costs that entry, not the rest. */
    static Settings read(Path file, Path oldThemeFile) {
        Settings s = Settings.defaults();
        Properties p = load(file);
        if (p == null) {
            Properties old = load(oldThemeFile);
            return old != null && "dark".equals(old.getProperty("theme")) ? s.withDark(true) : s;
        }
        s = attempt(s, x -> x.withLanguage(Optional.ofNullable(p.getProperty("language")).filter(v -> !v.isBlank())));
        s = attempt(s, x -> x.withDark("dark".equals(p.getProperty("theme"))));
        s = attempt(s, x -> x.withWindow(new Settings.WindowBounds(
                Double.parseDouble(p.getProperty("window.x")), Double.parseDouble(p.getProperty("window.y")),
                Double.parseDouble(p.getProperty("window.width")), Double.parseDouble(p.getProperty("window.height")),
                Boolean.parseBoolean(p.getProperty("window.maximized")))));
        s = attempt(s, x -> x.withLastHost(p.getProperty("last.host")));
        s = attempt(s, x -> x.withLastScreen(p.getProperty("last.screen")));
        s = attempt(s, x -> p.getProperty("cloud.account") == null ? x : x.withCloud(new Settings.CloudChoice(p.getProperty("cloud.account"),
                Optional.ofNullable(p.getProperty("cloud.region")), Optional.ofNullable(p.getProperty("cloud.endpoint")))));
        return s;
    }

    private static Settings attempt(Settings s, UnaryOperator<Settings> change) {
        try {
            return change.apply(s);
        } catch (RuntimeException e) {
            return s;
        }
    }

    private static Properties load(Path f) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
