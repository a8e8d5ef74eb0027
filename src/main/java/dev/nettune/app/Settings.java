package dev.nettune.app;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What NetTune remembers between launches: the language, the theme, where the window was, the last
 * host, the last screen and the last cloud account and region. Nothing in it is a secret (credentials stay
 * in ~/.aliyun, the environment and the agent: an account is remembered by its name only).
 *
 * @param language a BCP 47 tag ({@code en}, {@code zh-CN}), or empty to follow the operating system
 * @param theme    {@code light} or {@code dark}
 * @param window   the main window's last bounds, if it was ever closed
 * @param lastHost the host last chosen on a screen (a host directory name), if any
 * @param lastScreen the id of the screen shown last ({@code monitor}, ...), if any
 * @param cloud    the cloud account last connected with (its key, {@code profile:prod}), region and endpoint override
 */
public record Settings(Optional<String> language, String theme, Optional<WindowBounds> window,
        Optional<String> lastHost, Optional<String> lastScreen, Optional<CloudChoice> cloud) {

    /** The languages NetTune has bundles for. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "zh-CN");

    public Settings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lastHost, "lastHost");
        Objects.requireNonNull(lastScreen, "lastScreen");
        Objects.requireNonNull(cloud, "cloud");
        language.ifPresent(l -> {
            if (!LANGUAGES.contains(l)) {
                throw new IllegalArgumentException("language '" + l + "' is not one NetTune speaks; allowed: " + LANGUAGES
                        + " or none (follow the system)");
            }
        });
        if (!"light".equals(theme) && !"dark".equals(theme)) {
            throw new IllegalArgumentException("theme '" + theme + "' is neither 'light' nor 'dark'");
        }
        lastHost.ifPresent(h -> requireOneLine("lastHost", h));
        lastScreen.ifPresent(s -> requireOneLine("lastScreen", s));
    }

    /** A first launch: the system's language, the light theme, the default window. */
    public static Settings defaults() {
        return new Settings(Optional.empty(), "light", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The locale to show: the chosen language, else the system's when NetTune speaks it, else English. */
    public Locale locale(Locale system) {
        return Locale.forLanguageTag(language.orElseGet(() -> supported(system)));
    }

    /** The language tag NetTune would pick for a system locale: Chinese for any zh, else English. */
    public static String supported(Locale system) {
        return system != null && "zh".equals(system.getLanguage()) ? "zh-CN" : "en";
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public Settings withLanguage(Optional<String> l) {
        return new Settings(l, theme, window, lastHost, lastScreen, cloud);
    }

    public Settings withDark(boolean dark) {
        return new Settings(language, dark ? "dark" : "light", window, lastHost, lastScreen, cloud);
    }

    public Settings withWindow(WindowBounds w) {
        return new Settings(language, theme, Optional.of(w), lastHost, lastScreen, cloud);
    }

    public Settings withLastHost(String h) {
        return new Settings(language, theme, window, Optional.ofNullable(h).filter(s -> !s.isBlank()), lastScreen, cloud);
    }

    public Settings withLastScreen(String s) {
        return new Settings(language, theme, window, lastHost, Optional.ofNullable(s).filter(v -> !v.isBlank()), cloud);
    }

    public Settings withCloud(CloudChoice c) {
        return new Settings(language, theme, window, lastHost, lastScreen, Optional.ofNullable(c));
    }

    private static void requireOneLine(String what, String value) {
        if (value.isBlank() || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one line of 1 to 255 printable characters: '" + value + "'");
        }
    }

    /**
     * The cloud account last connected with, by its key only ({@code sandbox}, {@code profile:prod},
     * {@code environment}, {@code ecs-ram-role:web}), its region and the endpoint override: never a key or token.
     */
    public record CloudChoice(String account, Optional<String> region, Optional<String> endpoint) {
        public CloudChoice {
            Objects.requireNonNull(account, "account");
            region = region == null ? Optional.empty() : region.filter(s -> !s.isBlank());
            endpoint = endpoint == null ? Optional.empty() : endpoint.filter(s -> !s.isBlank());
            requireOneLine("cloud account", account);
            region.ifPresent(r -> {
                if (!r.matches("[a-z0-9-]{2,64}")) {
                    throw new IllegalArgumentException("cloud region '" + r + "' is not a region id such as cn-hangzhou");
                }
            });
            endpoint.ifPresent(e -> requireOneLine("cloud endpoint", e));
        }
    }

    /** The main window's position and size in screen coordinates, and whether it was maximised. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public WindowBounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                    || !Double.isFinite(width) || !Double.isFinite(height)) {
                throw new IllegalArgumentException("window bounds need finite x, y and a positive width and height: "
                        + x + "," + y + " " + width + "x" + height);
            }
        }
    }
}
