package dev.nettune.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A host key found in no known_hosts entry, as shown to the user: the host as known_hosts names
 * it ({@code name} or {@code [name]:port}), the key type and its OpenSSH SHA256 fingerprint.
 *
 * @param otherKnownKeyTypes key types known_hosts already holds for this host (a hint that
 *                           something changed), empty for a host never seen
 */
public record UnknownHostKey(String host, String keyType, String fingerprint, Path knownHostsFile,
                             List<String> otherKnownKeyTypes) {
    public UnknownHostKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        otherKnownKeyTypes = List.copyOf(otherKnownKeyTypes);
    }

    /** The question, worded as ssh words it. */
    public String question() {
        return "The authenticity of host '" + host + "' can't be established.\n"
                + keyType + " key fingerprint is " + fingerprint + ".\n"
                + (otherKnownKeyTypes.isEmpty() ? ""
                        : "known_hosts already has a key of another type for this host (" + String.join(", ", otherKnownKeyTypes)
                        + "); a new key type can mean the host was re-installed or someone is in between.\n")
                + "Compare the fingerprint with the one the instance's console shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it.";
    }
}
