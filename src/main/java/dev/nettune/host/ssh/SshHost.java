package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyRejectedException;
import dev.nettune.host.HostKeyTrust;
import dev.nettune.host.LineStream;
import dev.nettune.host.ShellQuoting;
import dev.nettune.host.ShellScript;
import dev.nettune.host.SudoPasswordRequiredException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * An instance reached over SSH (sshj): one connection per host, reused by every command and
 * re-opened when it drops; each {@link #run}/{@link #runAll} is one channel running one
 * {@link ShellScript} batch; host keys always verified by a {@link KnownHostsVerifier}.
 */
public final class SshHost implements Host {
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nettune-ssh-io");
        t.setDaemon(true);
        return t;
    });
    /** How long a host-key question may stay open: a person reads a fingerprint. */
    private static final long KEX_TIMEOUT_WITH_QUESTION_MS = TimeUnit.MINUTES.toMillis(5);
    private static final int TRANSPORT_TIMEOUT_MS = 30_000;

    private final String name;
    private final SshTarget target;
    private final SshOptions options;
    private final DefaultConfig config = new DefaultConfig();
    private final Map<Path, KeyProvider> keys = new LinkedHashMap<>();
    private final List<SSHClient> chain = new ArrayList<>();
    private volatile char[] sudoPassword;
    private volatile boolean closed;
    private volatile String hostKeyFingerprint;
    private volatile HostKeyTrust hostKeyTrust;

    public SshHost(String name, SshTarget target, SshOptions options) {
        this.name = name;
        this.target = target;
        this.options = options;
        if (!options.keepAlive().isZero()) {
            config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        }
    }

    @Override
    public String name() {
        return name;
    }

    public SshTarget target() {
        return target;
    }

    @Override
    public void useSudoPassword(char[] password) {
        char[] old = sudoPassword;
        sudoPassword = password == null ? null : password.clone();
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    // ---- connection -------------------------------------------------------------------------

    /** The live connection to the target, opening (or re-opening) it and its bastions as needed. */
    private synchronized SSHClient connection() throws HostException {
        if (closed) {
            throw new HostException(Phrase.of("host.ssh.closed", "The connection to {0} was closed.", name));
        }
        if (!chain.isEmpty()) {
            SSHClient last = chain.get(chain.size() - 1);
            if (last.isConnected() && last.isAuthenticated()) {
                return last;
            }
            disconnectAll();
        }
        try {
            connectChain(target);
        } catch (HostException e) {
            disconnectAll();
            throw e;
        }
        return chain.get(chain.size() - 1);
    }

    private void connectChain(SshTarget t) throws HostException {
        if (t.jump().isPresent()) {
            connectChain(t.jump().get());
        }
        // A bastion named in ~/.ssh/config with its own UserKnownHostsFile is checked against that file, as OpenSSH
        // checks each ProxyJump hop; the target's files come through the options (--known-hosts wins there).
        boolean ownFiles = t != target && !t.knownHosts().isEmpty();
        KnownHostsVerifier verifier = ownFiles
                ? new KnownHostsVerifier(t.knownHosts().get(0), t.knownHosts().subList(1, t.knownHosts().size()),
                        options.hostKeyDecision(), options.sessionTrust())
                : new KnownHostsVerifier(options.knownHosts(), options.moreKnownHosts(), options.hostKeyDecision(),
                        options.sessionTrust());
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        client.getTransport().setTimeoutMs((int) KEX_TIMEOUT_WITH_QUESTION_MS);
        if (!options.keepAlive().isZero()) {
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, options.keepAlive().toSeconds()));
        }
        try {
            if (chain.isEmpty()) {
                client.connect(t.hostName(), t.port());
            } else {
                SSHClient bastion = chain.get(chain.size() - 1);
                DirectConnection tunnel = bastion.newDirectConnection(t.hostName(), t.port());
                client.connectVia(tunnel, t.hostName(), t.port());
            }
        } catch (IOException e) {
            closeQuietly(client);
            HostKeyRejectedException rejected = verifier.takeRejection();
            if (rejected != null) {
                if (t != target) {
                    // Say it is the bastion's key: the user named the target and may not know which hop refused.
                    throw new HostKeyRejectedException(rejected.reason(), Phrase.of("host.ssh.bastionHop", "Bastion {0} (the way to {1}): {2}",
                            t.display(), target.hostName(), rejected), rejected.presentedFingerprint(),
                            rejected.knownFingerprint().orElse(null));
                }
                throw rejected;
            }
            Phrase failure = connectFailure(t, e);
            if (t != target) {
                failure = Phrase.of("host.ssh.bastionHop", "Bastion {0} (the way to {1}): {2}", t.display(), target.hostName(), failure);
            }
            if (!chain.isEmpty()) {
                failure = Phrase.of("host.ssh.throughBastion", "{0} (through bastion {1})", failure, jumpOf(t));
            }
            throw new HostException(failure, e);
        }
        client.getTransport().setTimeoutMs(TRANSPORT_TIMEOUT_MS);
        if (t == target) {
            verifier.lastVerified().ifPresent(fp -> hostKeyFingerprint = fp);
        }
        if (t == target && hostKeyTrust == null) {
            // The first connection's answer is what the user needs to hear: a key accepted just now is not verified.
            // Only the target's: a bastion's key is not the host's key the user asked about.
            hostKeyTrust = verifier.lastTrust().orElse(null);
        }
        try {
            authenticate(client, t);
        } catch (IOException e) {
            closeQuietly(client);
            // The library's own reason is quoted as it came, at the end.
            throw new HostException(Phrase.of("host.ssh.loginRefused", "{0} refused the login as '{1}' (tried: {2}). Check the"
                    + " user, the key (--identity, IdentityFile in ~/.ssh/config) and that its public key is in"
                    + " ~/.ssh/authorized_keys of that user. ({3})", t.display(), t.user(), Phrase.joined(", ", triedMethods(t)),
                    String.valueOf(e.getMessage())), e);
        }
        chain.add(client);
    }

    private static String jumpOf(SshTarget t) {
        return t.jump().map(SshTarget::display).orElse("?");
    }

    private static Phrase connectFailure(SshTarget t, IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = t.hostName() + ":" + t.port();
        if (root instanceof UnknownHostException) {
            return Phrase.of("host.ssh.unknownName", "Cannot resolve the host name '{0}'. Check the spelling, DNS, or the HostName"
                    + " in ~/.ssh/config.", t.hostName());
        }
        if (root instanceof ConnectException) {
            return Phrase.of("host.ssh.refused", "Cannot connect to {0}: connection refused (no SSH server listening there, or a"
                    + " firewall/security group rejects it).", where);
        }
        if (root instanceof SocketTimeoutException) {
            return Phrase.of("host.ssh.timedOut", "No answer from {0} (timed out): the address is unreachable or a security group"
                    + " drops port {1}.", where, t.port());
        }
        if (root instanceof NoRouteToHostException) {
            return Phrase.of("host.ssh.noRoute", "No route to {0}. Instances without a public address need a bastion (ProxyJump).", where);
        }
        return Phrase.of("host.ssh.cannotConnect", "Cannot open an SSH connection to {0}: {1}", where,
                e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private List<Phrase> triedMethods(SshTarget t) {
        List<Phrase> tried = new ArrayList<>();
        options.agentSocket().ifPresent(s -> tried.add(Phrase.literal("ssh-agent")));
        for (Path p : identityFiles(t)) {
            tried.add(Phrase.of("host.ssh.triedKey", "key {0}", p));
        }
        tried.add(Phrase.of("host.ssh.triedPassword", "password (if asked for)"));
        return tried;
    }

    private List<Path> identityFiles(SshTarget t) {
        if (!t.identities().isEmpty()) {
            return t.identities();
        }
        Path ssh = dev.nettune.host.UserHome.path().resolve(".ssh");
        List<Path> defaults = new ArrayList<>();
        for (String f : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isReadable(ssh.resolve(f))) {
                defaults.add(ssh.resolve(f));
            }
        }
        return defaults;
    }

    private void authenticate(SSHClient client, SshTarget t) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        if (options.agentSocket().isPresent()) {
            methods.addAll(SshAgent.authMethods(options.agentSocket().get()));
        }
        for (Path file : identityFiles(t)) {
            if (!Files.isReadable(file)) {
                continue;
            }
            KeyProvider provider = keys.get(file);
            if (provider == null) {
                provider = client.loadKeys(file.toString(), passphraseFinder(file));
                keys.put(file, provider);
            }
            methods.add(new AuthPublickey(provider));
        }
        // Servers offer passwords as "password" or (OpenSSH with PAM) "keyboard-interactive": ask once for both.
        PasswordFinder password = passwordFinder(t);
        methods.add(new AuthPassword(password));
        methods.add(new AuthKeyboardInteractive(new PasswordResponseProvider(password)));
        client.auth(t.user(), methods);
    }

    private PasswordFinder passphraseFinder(Path file) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                return options.secrets().keyPassphrase(file).orElse(null);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    private PasswordFinder passwordFinder(SshTarget t) {
        return new PasswordFinder() {
            private char[] asked;

            @Override
            public synchronized char[] reqPassword(Resource<?> resource) {
                if (asked == null) {
                    asked = options.secrets().loginPassword(t.user(), t.hostName()).orElse(null);
                }
                return asked == null ? null : asked.clone();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    /** A new channel; when the connection turns out dead, reconnects once (nothing has run yet). */
    private Session openSession() throws HostException {
        Exception last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            SSHClient client = connection();
            try {
                return client.startSession();
            } catch (IOException | IllegalStateException e) {
                last = e;
                synchronized (this) {
                    disconnectAll();
                }
            }
        }
        throw new HostException(Phrase.of("host.ssh.dropped", "The connection to {0} dropped and could not be re-opened: {1}",
                target.display(), String.valueOf(last.getMessage())), last);
    }

    private synchronized void disconnectAll() {
        for (int i = chain.size() - 1; i >= 0; i--) {
            closeQuietly(chain.get(i));
        }
        chain.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a dead connection: nothing to report
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        return runAll(List.of(command), timeout).get(0);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        char[] pw = sudoPassword;
        ShellScript.Batch batch = ShellScript.batch(commands, Optional.ofNullable(pw));
        Session session = openSession();
        try {
            Session.Command cmd = session.exec("exec sh -c " + ShellQuoting.quote(batch.script()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Void> stdout = pump(cmd.getInputStream(), out);
            CompletableFuture<Void> stderr = pump(cmd.getErrorStream(), err);
            CompletableFuture.runAsync(() -> feed(cmd.getOutputStream(), batch.stdin()), IO);
            try {
                long left = deadline - System.nanoTime();
                stdout.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                stderr.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                stop(batch.pid(snapshot(out)), session);
                throw new HostException(Phrase.of("host.ssh.timeout", "'{0}' did not finish within {1} s on {2}; it was stopped on"
                        + " the host.", describe(commands), timeout.toSeconds(), name));
            } catch (InterruptedException e) {
                stop(batch.pid(snapshot(out)), session);
                throw e;
            } catch (ExecutionException e) {
                throw new HostException(Phrase.of("host.ssh.lost", "Lost the connection to {0} while '{1}' ran: {2}", name,
                        describe(commands), String.valueOf(e.getCause().getMessage())), e.getCause());
            }
            try {
                return batch.parse(snapshot(out));
            } catch (SudoPasswordRequiredException e) {
                if (e.passwordRejected()) {
                    useSudoPassword(null);
                }
                throw e;
            } catch (HostException e) {
                String shellSaid = snapshot(err).strip();
                throw shellSaid.isEmpty() ? e : new HostException(Phrase.of("host.ssh.shellSaid", "{0} The host's shell said: {1}",
                        e.phrase(), shellSaid.length() > 500 ? shellSaid.substring(0, 500) + "..." : shellSaid), e);
            }
        } catch (IOException e) {
            throw new HostException(Phrase.of("host.ssh.cannotRun", "Cannot run '{0}' on {1}: {2}", describe(commands), name,
                    String.valueOf(e.getMessage())), e);
        } finally {
            closeQuietly(session);
        }
    }

    private static String describe(List<Command> commands) {
        return commands.size() == 1 ? commands.get(0).display() : commands.size() + " commands (" + commands.get(0).display() + ", ...)";
    }

    private static String snapshot(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static CompletableFuture<Void> pump(InputStream in, ByteArrayOutputStream sink) {
        return CompletableFuture.runAsync(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (sink) {
                        sink.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, IO);
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
            in.flush();
        } catch (IOException e) {
            // The script ended before reading its input; its answer says what happened.
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Kills what a timed-out or cancelled script left running (on a fresh channel), and closes its channel. */
    private void stop(OptionalLong pid, Session session) {
        if (pid.isEmpty()) {
            closeQuietly(session);
            return;
        }
        // Kill first, close after: closing may end the shell and orphan its children out of reach.
        try {
            Session killer = openSession();
            try {
                Session.Command k = killer.exec("exec sh -c " + ShellQuoting.quote(ShellScript.killTree(pid.getAsLong())));
                k.join(10, TimeUnit.SECONDS);
            } finally {
                closeQuietly(killer);
            }
        } catch (HostException | IOException e) {
            // The connection is gone: the host's sshd hangs up the session's processes itself.
        } finally {
            closeQuietly(session);
        }
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        String boundary = ShellScript.newBoundary();
        Session session = openSession();
        Session.Command cmd;
        try {
            cmd = session.exec("exec sh -c " + ShellQuoting.quote(ShellScript.stream(command, boundary)));
        } catch (IOException e) {
            closeQuietly(session);
            throw new HostException(Phrase.of("host.ssh.cannotStart", "Cannot start '{0}' on {1}: {2}", command.display(), name,
                    String.valueOf(e.getMessage())), e);
        }
        SshLineStream stream = new SshLineStream(session, cmd);
        CompletableFuture.runAsync(() -> feed(cmd.getOutputStream(),
                command.stdin().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0])), IO);
        pump(cmd.getErrorStream(), new ByteArrayOutputStream());
        IO.execute(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(cmd.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean first = true;
                while ((line = r.readLine()) != null) {
                    if (first) {
                        first = false;
                        OptionalLong pid = ShellScript.streamPid(line, boundary);
                        if (pid.isPresent()) {
                            stream.pid = pid;
                            continue;
                        }
                    }
                    sink.line(line);
                }
                cmd.join(5, TimeUnit.SECONDS);
                Integer exit = cmd.getExitStatus();
                sink.ended(exit == null ? -1 : exit, null);
            } catch (IOException e) {
                sink.ended(-1, stream.cancelled ? null : e);
            } catch (RuntimeException e) {
                sink.ended(-1, e);
            } finally {
                closeQuietly(session);
            }
        });
        return stream;
    }

    private final class SshLineStream implements LineStream {
        private final Session session;
        private final Session.Command cmd;
        volatile OptionalLong pid = OptionalLong.empty();
        volatile boolean cancelled;

        SshLineStream(Session session, Session.Command cmd) {
            this.session = session;
            this.cmd = cmd;
        }

        @Override
        public boolean isRunning() {
            return cmd.isOpen();
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                stop(pid, session);
            }
        }
    }

    /** The SHA256 fingerprint of the target's host key, once a connection verified it. */
    public Optional<String> hostKeyFingerprint() {
        return Optional.ofNullable(hostKeyFingerprint);
    }

    /**
     * How the host key of the first connection was trusted: verified against a file, or accepted on this first
     * connection; empty before a connection.
     */
    public Optional<HostKeyTrust> hostKeyTrust() {
        return Optional.ofNullable(hostKeyTrust);
    }

    /** True while the connection is up (for tests and the Hosts screen's status). */
    public synchronized boolean isConnected() {
        return !chain.isEmpty() && chain.get(chain.size() - 1).isConnected();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            disconnectAll();
        }
        useSudoPassword(null);
    }
}
