package dev.nettune.host;

import java.time.Duration;
import java.util.List;

/**
 * A machine NetTune reads and changes (an instance over SSH, this workstation, or the sandbox).
 * Commands are structured; adapters quote every argument themselves. Calls block, so callers
 * run them off the FX thread; an interrupt cancels the call.
 */
public interface Host extends AutoCloseable {
    /** How the user names this host: an ssh alias, user@host:port, {@code local} or {@code sandbox}. */
    String name();

    /** Runs one command and waits for it, at most {@code timeout}. */
    CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException;

    /**
     * Runs several commands in one round trip (one channel over SSH); each gets its own result,
     * in order, and a failing command does not stop the ones after it.
     */
    List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException;

    /** Starts a long-running command and hands each stdout line to {@code sink} as it arrives. */
    LineStream stream(Command command, LineStream.Sink sink) throws HostException;

    /**
     * The sudo password of this login, for hosts whose sudo asks for one (after a
     * {@link SudoPasswordRequiredException}); held in memory only, never written anywhere.
     * Hosts that never ask ignore it.
     */
    default void useSudoPassword(char[] password) {
        // Hosts without sudo (the sandbox) have no use for it.
    }

    @Override
    void close();
}
