package dev.nettune.host.ssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host keys the user accepted "once": trusted by every connection until NetTune exits, written
 * nowhere. Shared by all hosts of one application run, so a reconnect does not ask again.
 */
public final class SessionTrust {
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    /** True when {@code fingerprint} was accepted for {@code host} (known_hosts form) in this run. */
    public boolean trusts(String host, String fingerprint) {
        return keys.contains(host + " " + fingerprint);
    }

    void trust(String host, String fingerprint) {
        keys.add(host + " " + fingerprint);
    }
}
