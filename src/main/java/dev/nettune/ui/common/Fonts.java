package dev.nettune.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The font family the UI draws text in: the toolkit's own, or, in Chinese, a family found on this machine that has
 * the glyphs. JavaFX's "System" font on Linux falls back to no CJK font when only Noto CJK is installed (Debian's
 * fonts-noto-cjk): every Chinese label is drawn as boxes unless a CJK family is named.
 */
public final class Fonts {
    /** Families with Simplified Chinese glyphs, the most common first: Linux (Noto, Source Han, WenQuanYi, Droid), Windows, macOS. */
    private static final List<String> CHINESE = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "Microsoft YaHei", "PingFang SC");

    /** Monospaced families with Simplified Chinese glyphs, for logs and previews (their Chinese lines). */
    private static final List<String> CHINESE_MONO = List.of("Noto Sans Mono CJK SC", "Sarasa Mono SC", "WenQuanYi Zen Hei Mono",
            "WenQuanYi Micro Hei Mono");

    private static volatile Optional<String> chinese;
    private static volatile Optional<String> chineseMono;

    private Fonts() {
    }

    /** The first of the usual Chinese families installed here, if any (asks the toolkit once). */
    public static Optional<String> chineseFamily() {
        Optional<String> c = chinese;
        if (c == null) {
            c = firstInstalled(Set.copyOf(javafx.scene.text.Font.getFamilies()));
            chinese = c;
        }
        return c;
    }

    /** The first of the usual Chinese monospaced families installed here, else the first Chinese family of any kind. */
    public static Optional<String> chineseMonoFamily() {
        Optional<String> c = chineseMono;
        if (c == null) {
            Set<String> installed = Set.copyOf(javafx.scene.text.Font.getFamilies());
            c = CHINESE_MONO.stream().filter(installed::contains).findFirst().or(() -> firstInstalled(installed));
            chineseMono = c;
        }
        return c;
    }

    static Optional<String> firstInstalled(Set<String> installed) {
        return CHINESE.stream().filter(installed::contains).findFirst();
    }

    /** The family to draw in for the language in use: a Chinese one in Chinese, else empty (the toolkit's default). */
    public static Optional<String> forLanguage() {
        return "zh".equals(Messages.locale().getLanguage()) ? chineseFamily() : Optional.empty();
    }

    /** An AWT font for the charts (JFreeChart draws through FXGraphics2D, which looks the family up in JavaFX). */
    public static java.awt.Font chart(int style, int size) {
        return new java.awt.Font(forLanguage().orElse(java.awt.Font.SANS_SERIF), style, size);
    }

    /** The chart theme for the language in use: JFreeChart's own, its fonts in the Chinese family when Chinese is in use. */
    public static org.jfree.chart.ChartTheme chartTheme() {
        org.jfree.chart.StandardChartTheme theme = (org.jfree.chart.StandardChartTheme) org.jfree.chart.StandardChartTheme.createJFreeTheme();
        forLanguage().ifPresent(f -> {
            theme.setExtraLargeFont(new java.awt.Font(f, java.awt.Font.BOLD, 20));
            theme.setLargeFont(new java.awt.Font(f, java.awt.Font.BOLD, 14));
            theme.setRegularFont(new java.awt.Font(f, java.awt.Font.PLAIN, 12));
            theme.setSmallFont(new java.awt.Font(f, java.awt.Font.PLAIN, 10));
        });
        return theme;
    }

    /**
     * The user-agent stylesheet {@code base} (a URL) with NetTune's font rules, one stylesheet for the window, its
     * dialogs and wizards alike: the {@code .mono} text (logs, previews, commands) in a monospaced family, and, when
     * Chinese is in use, every scene's root font and the monospaced one in families that have Chinese glyphs.
     */
    public static String userAgentStylesheet(String base) {
        String mono = forLanguage().flatMap(f -> chineseMonoFamily()).orElse("monospace");
        StringBuilder css = new StringBuilder("@import url(\"").append(base).append("\");\n");
        forLanguage().ifPresent(f -> css.append(".root { -fx-font-family: \"").append(f).append("\"; }\n"));
        css.append(".mono, .mono .text, .monospace { -fx-font-family: \"").append(mono).append("\"; }\n");
        return "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
