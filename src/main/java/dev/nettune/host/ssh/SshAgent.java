package dev.nettune.host.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;
import net.schmizz.sshj.userauth.method.AuthMethod;

/**
 * A client of the user's ssh-agent (the socket of SSH_AUTH_SOCK), speaking the agent protocol
 * over a JDK Unix domain socket: list the identities, have one sign. The private keys never
 * leave the agent.
 */
final class SshAgent {
    private static final int SSH_AGENT_FAILURE = 5;
    private static final int SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    private static final int SSH2_AGENT_IDENTITIES_ANSWER = 12;
    private static final int SSH2_AGENTC_SIGN_REQUEST = 13;
    private static final int SSH2_AGENT_SIGN_RESPONSE = 14;
    private static final int SSH_AGENT_RSA_SHA2_256 = 0x02;
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    SshAgent(Path socket) {
        this.socket = socket;
    }

    /** A key the agent holds: its public blob and the comment it was added with. */
    record Identity(byte[] blob, String comment) {
        /** The key type named inside the blob ({@code ssh-ed25519}, {@code ssh-rsa}, ...). */
        String keyType() {
            try {
                return new Buffer.PlainBuffer(blob).readString();
            } catch (Buffer.BufferException e) {
                return "unknown";
            }
        }
    }

    /** One public-key method per identity the agent holds; none when the agent cannot be reached. */
    static List<AuthMethod> authMethods(Path socket) {
        SshAgent agent = new SshAgent(socket);
        List<AuthMethod> methods = new ArrayList<>();
        try {
            for (Identity id : agent.identities()) {
                methods.add(new AgentAuth(agent, id));
            }
        } catch (IOException e) {
            // No agent running, or it hung up: the key files and the password remain.
        }
        return methods;
    }

    List<Identity> identities() throws IOException {
        ByteBuffer reply = call(new byte[] {SSH2_AGENTC_REQUEST_IDENTITIES});
        int type = reply.get() & 0xff;
        if (type != SSH2_AGENT_IDENTITIES_ANSWER) {
            throw new IOException("ssh-agent answered " + type + " to a request for identities.");
        }
        int n = reply.getInt();
        if (n < 0 || n > 1024) {
            throw new IOException("ssh-agent claims " + n + " identities.");
        }
        List<Identity> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] blob = string(reply);
            String comment = new String(string(reply), StandardCharsets.UTF_8);
            ids.add(new Identity(blob, comment));
        }
        return ids;
    }

    /** The agent's signature of {@code data} with the key {@code blob}, encoded as SSH sends it (algorithm + signature). */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(req);
        d.writeByte(SSH2_AGENTC_SIGN_REQUEST);
        d.writeInt(blob.length);
        d.write(blob);
        d.writeInt(data.length);
        d.write(data);
        d.writeInt(flags);
        ByteBuffer reply = call(req.toByteArray());
        int type = reply.get() & 0xff;
        if (type == SSH_AGENT_FAILURE) {
            throw new IOException("ssh-agent refused to sign (the key may need confirmation, or was removed).");
        }
        if (type != SSH2_AGENT_SIGN_RESPONSE) {
            throw new IOException("ssh-agent answered " + type + " to a signing request.");
        }
        return string(reply);
    }

    private ByteBuffer call(byte[] message) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.allocate(4 + message.length);
            out.putInt(message.length).put(message).flip();
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer len = readFully(ch, 4);
            int n = len.getInt();
            if (n <= 0 || n > MAX_MESSAGE) {
                throw new IOException("ssh-agent sent a message of " + n + " bytes.");
            }
            return readFully(ch, n);
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("ssh-agent hung up mid-answer.");
            }
        }
        return b.flip();
    }

    private static byte[] string(ByteBuffer b) throws IOException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IOException("ssh-agent sent a malformed answer.");
        }
        byte[] s = new byte[n];
        b.get(s);
        return s;
    }

    /** The "publickey" method with the agent doing the signing (RSA as rsa-sha2-256, never SHA-1). */
    static final class AgentAuth extends AbstractAuthMethod {
        private final SshAgent agent;
        private final Identity identity;

        AgentAuth(SshAgent agent, Identity identity) {
            super("publickey");
            this.agent = agent;
            this.identity = identity;
        }

        private String algorithm() {
            String t = identity.keyType();
            return t.equals("ssh-rsa") ? "rsa-sha2-256" : t;
        }

        private SSHPacket request(boolean signed) throws UserAuthException {
            return super.buildReq().putBoolean(signed).putString(algorithm()).putString(identity.blob());
        }

        @Override
        protected SSHPacket buildReq() throws UserAuthException {
            return request(false);
        }

        @Override
        public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
            if (cmd != Message.USERAUTH_60) {
                super.handle(cmd, buf);
                return;
            }
            SSHPacket req = request(true);
            byte[] toSign = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(req).getCompactData();
            try {
                byte[] signature = agent.sign(identity.blob(), toSign, identity.keyType().equals("ssh-rsa") ? SSH_AGENT_RSA_SHA2_256 : 0);
                params.getTransport().write(req.putString(signature));
            } catch (IOException e) {
                throw new UserAuthException("ssh-agent could not sign with " + identity.comment() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "ssh-agent key " + identity.comment();
        }
    }
}
