package dev.nettune.ui.common;

import java.util.Locale;

/**
 * The screens of the main window's rail. Navigation names a screen by this, never by a string; the
 * rail's buttons get the CSS id {@code nav-<id>} (tests look them up by it).
 */
public enum ScreenId {
    WELCOME, CALCULATOR, HOSTS, MONITOR, BALANCE, CLOUD, TUNING, PROFILES, FLEET, JOURNAL;

    /** The lower-case id used in CSS ids ({@code nav-monitor}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
