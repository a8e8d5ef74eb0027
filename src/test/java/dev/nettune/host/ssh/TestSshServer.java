package dev.nettune.host.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1, running each exec request with this
 * machine's /bin/sh: what the SSH adapter is tested against. Counts sessions and channels.
 */
public final class TestSshServer implements AutoCloseable {
    public final SshServer server;
    final KeyPair hostKey;
    public final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    public final AtomicInteger sessionChannels = new AtomicInteger();
    public final AtomicInteger sessions = new AtomicInteger();
    /** keepalive@openssh.com requests received: the client's keep-alive at work. */
    public final AtomicInteger keepAlives = new AtomicInteger();
    public final List<String> execRequests = new CopyOnWriteArrayList<>();
    /** The password the server accepts; none when null. */
    public volatile String password;
    /** Directories put first on PATH of every command (fake sudo and the like). */
    public final List<Path> pathPrefix = new CopyOnWriteArrayList<>();
    /** How an exec request becomes a process: {@code /bin/sh -c REQUEST}, or a test's wrapper (a scratch root). */
    public volatile java.util.function.Function<String, List<String>> argv = c -> List.of("/bin/sh", "-c", c);

    private TestSshServer(KeyPair hostKey, boolean forwarding) {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) ->
                authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setPasswordAuthenticator((user, pw, session) -> password != null && password.equals(pw));
        server.setCommandFactory((channel, command) -> {
            execRequests.add(command);
            return new ShCommand(argv.apply(command), pathPrefix);
        });
        List<org.apache.sshd.common.channel.RequestHandler<org.apache.sshd.common.session.ConnectionService>> handlers =
                new ArrayList<>();
        handlers.add((service, request, wantReply, buffer) -> {
            if (request.startsWith("keepalive@")) {
                keepAlives.incrementAndGet();
            }
            return org.apache.sshd.common.channel.RequestHandler.Result.Unsupported; // let the default handler answer
        });
        handlers.addAll(org.apache.sshd.server.ServerBuilder.DEFAULT_GLOBAL_REQUEST_HANDLERS);
        server.setGlobalRequestHandlers(handlers);
        if (forwarding) {
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        }
        server.addChannelListener(new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                if (channel instanceof ChannelSession) {
                    sessionChannels.incrementAndGet();
                }
            }
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
    }

    public static TestSshServer start() throws IOException, GeneralSecurityException {
        return start(newHostKey(), false);
    }

    public static TestSshServer start(KeyPair hostKey, boolean forwarding) throws IOException {
        TestSshServer s = new TestSshServer(hostKey, forwarding);
        s.server.start();
        return s;
    }

    public static KeyPair newHostKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    }

    public int port() {
        return server.getPort();
    }

    /** The known_hosts line that trusts this server's key. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** The server's key fingerprint as OpenSSH (and MINA, independently of NetTune's code) prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** Generates a client key pair, authorizes it, and writes its private key (OpenSSH format) to {@code file}. */
    public Path authorizeNewKey(Path file, String passphrase) throws Exception {
        KeyPair kp = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        OpenSSHKeyEncryptionContext enc = null;
        if (passphrase != null) {
            enc = new OpenSSHKeyEncryptionContext();
            enc.setCipherName("AES");
            enc.setCipherType("256");
            enc.setPassword(passphrase);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "nettune-test", enc, out);
        }
        authorizedKeys.add(kp.getPublic());
        return file;
    }

    /** Offers only keyboard-interactive login (as OpenSSH with PAM does), answered with {@link #password}. */
    public void keyboardInteractiveOnly() {
        server.setUserAuthFactories(List.of(new org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory()));
    }

    /** Closes every session from the server side, as a dropped network or an sshd restart would. */
    public void dropAllSessions() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs an exec request as {@code /bin/sh -c REQUEST} with real processes of this machine. */
    static final class ShCommand implements Command {
        private final List<String> command;
        private final List<Path> pathPrefix;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        ShCommand(List<String> command, List<Path> pathPrefix) {
            this.command = command;
            this.pathPrefix = new ArrayList<>(pathPrefix);
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> e = pb.environment();
            StringBuilder path = new StringBuilder();
            for (Path p : pathPrefix) {
                path.append(p).append(':');
            }
            e.put("PATH", path + e.getOrDefault("PATH", "/usr/bin:/bin"));
            Process p = pb.start();
            process = p;
            Thread stdin = new Thread(() -> copy(in, p.getOutputStream(), true), "test-sshd-stdin");
            Thread stdout = new Thread(() -> copy(p.getInputStream(), out, false), "test-sshd-stdout");
            Thread stderr = new Thread(() -> copy(p.getErrorStream(), err, false), "test-sshd-stderr");
            stdin.setDaemon(true);
            stdin.start();
            stdout.start();
            stderr.start();
            Thread waiter = new Thread(() -> {
                try {
                    int code = p.waitFor();
                    stdout.join();
                    stderr.join();
                    exit.onExit(code);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }, "test-sshd-exit");
            waiter.setDaemon(true);
            waiter.start();
        }

        private static void copy(InputStream from, OutputStream to, boolean closeTarget) {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // channel or process gone
            } finally {
                if (closeTarget) {
                    try {
                        to.close();
                    } catch (IOException e) {
                        // already closed
                    }
                }
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.destroy();
            }
        }
    }
}
