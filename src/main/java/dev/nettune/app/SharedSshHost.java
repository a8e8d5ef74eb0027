package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One user's lease on a pooled SSH connection: every screen and command that names the same
 * host shares one {@link SshHost}; closing the lease hands it back (the pool closes the
 * connection once nobody has used it for a while).
 */
public final class SharedSshHost implements Host {
    private final SshHost host;
    private final Runnable release;
    private final Consumer<char[]> rememberSudoPassword;
    private final AtomicBoolean closed = new AtomicBoolean();

    SharedSshHost(SshHost host, Runnable release, Consumer<char[]> rememberSudoPassword) {
        this.host = host;
        this.release = release;
        this.rememberSudoPassword = rememberSudoPassword;
    }

    @Override
    public String name() {
        return host.name();
    }

    /** Where the connection goes: user, address, port, bastions. */
    public SshTarget target() {
        return host.target();
    }

    /** Where the connection goes, as ssh users write it ({@code user@host:port}, with its bastions). */
    public String targetDisplay() {
        return host.target().display();
    }

    /** The SHA256 fingerprint of the host key, once a connection verified it. */
    public Optional<String> hostKeyFingerprint() {
        return host.hostKeyFingerprint();
    }

    /** "verified against FILE" or "trusted now (...)": how the host key was trusted on the first connection. */
    public Optional<dev.nettune.host.HostKeyTrust> hostKeyTrust() {
        return host.hostKeyTrust();
    }

    public boolean isConnected() {
        return host.isConnected();
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        checkOpen();
        return host.run(command, timeout);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        checkOpen();
        return host.runAll(commands, timeout);
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        checkOpen();
        return host.stream(command, sink);
    }

    /** Given once, the password serves every lease of this host for the rest of the run (memory only). */
    @Override
    public void useSudoPassword(char[] password) {
        rememberSudoPassword.accept(password);
        host.useSudoPassword(password);
    }

    private void checkOpen() throws HostException {
        if (closed.get()) {
            throw new HostException(Phrase.of("host.shared.closed", "This handle on {0} was closed; resolve the host again.", host.name()));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
