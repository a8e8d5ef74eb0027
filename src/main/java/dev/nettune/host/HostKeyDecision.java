package dev.nettune.host;

/**
 * Asks the user whether to trust a host key NetTune has never seen (the CLI's
 * {@code --accept-new-host-key}, the GUI's host-key dialog). Never asked for a changed key:
 * that is refused outright.
 */
@FunctionalInterface
public interface HostKeyDecision {
    /** What the user chose for an unknown key. */
    enum Choice {
        /** Trust it for this session only; nothing is written. */
        ACCEPT_ONCE,
        /** Trust it and append it to the known_hosts file, as {@code ssh} does on "yes". */
        ACCEPT_AND_SAVE,
        /** Do not connect. */
        REFUSE
    }

    /** Called (on a connection thread, so an implementation may block) with the key to judge. */
    Choice decide(UnknownHostKey key);

    /** Refuses every unknown key: the safe default for anything non-interactive. */
    static HostKeyDecision refuse() {
        return key -> Choice.REFUSE;
    }

    /**
     * Accepts and saves every unknown key: the CLI's {@code --accept-new-host-key}. Always the same instance, so a
     * connection can tell the user's explicit choice (which wins over ~/.ssh/config, as {@code ssh -o} does).
     */
    static HostKeyDecision acceptAndSave() {
        return Constants.ACCEPT_NEW;
    }

    /** The shared instances. */
    final class Constants {
        static final HostKeyDecision ACCEPT_NEW = key -> Choice.ACCEPT_AND_SAVE;

        private Constants() {
        }
    }
}
