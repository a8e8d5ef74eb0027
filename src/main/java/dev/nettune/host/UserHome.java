package dev.nettune.host;

import java.nio.file.Path;

/**
 * The user's home folder as a shell user expects it: {@code $HOME} when set, else Java's {@code user.home}
 * (which Java takes from the password file, so scripts that set HOME would otherwise be ignored).
 */
public final class UserHome {
    private UserHome() {
    }

    public static Path path() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
