package dev.nettune.store;

import dev.nettune.Phrase;
import dev.nettune.InputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A host the user saved in the inventory: how to reach it (address or ssh alias, user, port,
 * bastion, key file). Never a password or a passphrase: there is no field for one.
 */
public record SavedHost(String name, String address, Optional<String> user, OptionalInt port,
                        Optional<String> jump, Optional<Path> keyPath) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%-]{1,253}|\\[?[0-9A-Fa-f:.%]{2,64}\\]?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}");
    private static final Pattern JUMP = Pattern.compile("([A-Za-z0-9._][A-Za-z0-9._-]{0,63}@)?([A-Za-z0-9._%-]{1,253}|\\[[0-9A-Fa-f:.%]{2,64}\\])(:[0-9]{1,5})?"
            + "(,([A-Za-z0-9._][A-Za-z0-9._-]{0,63}@)?([A-Za-z0-9._%-]{1,253}|\\[[0-9A-Fa-f:.%]{2,64}\\])(:[0-9]{1,5})?)*");
    /** Names the application gives its own hosts. */
    public static final Set<String> RESERVED_NAMES = Set.of("local", "sandbox");

    public SavedHost {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InputException(Phrase.of("host.badSavedName", "Not a host name for the inventory: '{0}'. Allowed: letters, digits,"
                    + " '.', '_', '-', starting with a letter or digit, up to 64 characters.", name));
        }
        if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InputException(Phrase.of("host.builtInName", "'{0}' is a built-in host; pick another name (not {1}).", name,
                    String.join(" or ", RESERVED_NAMES)));
        }
        Objects.requireNonNull(address, "address");
        if (!ADDRESS.matcher(address).matches() || address.startsWith("-")) {
            throw new InputException(Phrase.of("host.badAddress", "Not an address: '{0}'. Allowed: a host name, an IPv4 or IPv6"
                    + " address, or an alias of ~/.ssh/config.", address));
        }
        Objects.requireNonNull(user, "user");
        user.ifPresent(u -> {
            if (!USER.matcher(u).matches()) {
                throw new InputException(Phrase.of("host.badLogin", "Not a login name: '{0}'. Allowed: letters, digits, '.', '_', '-',"
                        + " '@', up to 64 characters, not starting with '-'.", u));
            }
        });
        Objects.requireNonNull(port, "port");
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new InputException(Phrase.of("host.portOutOfRange", "SSH port {0} is out of range; allowed: 1 to 65535.", p));
            }
        });
        Objects.requireNonNull(jump, "jump");
        jump.ifPresent(j -> {
            if (!JUMP.matcher(j).matches()) {
                throw new InputException(Phrase.of("host.badJump", "Not a jump host: '{0}'. Allowed: [user@]host[:port] or an ssh"
                        + " alias, several separated by ','.", j));
            }
        });
        Objects.requireNonNull(keyPath, "keyPath");
    }

    /** A host reached by address alone, with the ssh defaults for the rest. */
    public static SavedHost of(String name, String address) {
        return new SavedHost(name, address, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }
}
