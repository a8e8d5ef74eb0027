package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.HostKeyRejectedException;
import dev.nettune.host.HostKeyTrust;
import dev.nettune.host.UnknownHostKey;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies host keys against an OpenSSH known_hosts file (plain and hashed entries,
 * {@code [host]:port}, {@code @revoked}): a known key passes, a changed or revoked key is refused
 * with both fingerprints, an unknown key is put to the user's {@link HostKeyDecision}. The file
 * is read afresh on each connection, so an edit by the user takes effect at once.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {
    private final Path file;
    private final List<Path> more;
    private final HostKeyDecision decision;
    private final SessionTrust sessionTrust;
    private volatile HostKeyRejectedException rejection;
    private volatile String lastVerified;
    private volatile HostKeyTrust lastTrust;

    public KnownHostsVerifier(Path file, HostKeyDecision decision, SessionTrust sessionTrust) {
        this(file, List.of(), decision, sessionTrust);
    }

    /** Reads {@code file} and then {@code more} (ssh's UserKnownHostsFile with several names); writes only to {@code file}. */
    public KnownHostsVerifier(Path file, List<Path> more, HostKeyDecision decision, SessionTrust sessionTrust) {
        this.file = file;
        this.more = List.copyOf(more);
        this.decision = decision;
        this.sessionTrust = sessionTrust;
    }

    public Path file() {
        return file;
    }

    /** The OpenSSH fingerprint of a key: {@code SHA256:} and the unpadded base64 of the SHA-256 of its blob. */
    public static String fingerprint(PublicKey key) {
        return fingerprint(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * How the last key was trusted: verified against a known_hosts file, or accepted by the user (or
     * --accept-new-host-key) during this connection, which is not a verification; empty before any key passed.
     */
    java.util.Optional<HostKeyTrust> lastTrust() {
        return java.util.Optional.ofNullable(lastTrust);
    }

    /** The SHA256 fingerprint of the last key this verifier trusted, if any. */
    java.util.Optional<String> lastVerified() {
        return java.util.Optional.ofNullable(lastVerified);
    }

    /** Why the last verification failed, if it did (read after the connection attempt). */
    HostKeyRejectedException takeRejection() {
        HostKeyRejectedException r = rejection;
        rejection = null;
        return r;
    }

    /** The files read, first the one written to, each with its entries: a refusal names the file an entry is in. */
    private List<Path> files() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(file), more.stream()).distinct().toList();
    }

    private static OpenSSHKnownHosts load(Path f) throws IOException {
        String text = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        return new OpenSSHKnownHosts(new StringReader(text));
    }

    /** One known_hosts line that applies to the host, with the file it came from. */
    private record Entry(OpenSSHKnownHosts.HostEntry entry, Path file) {
        String line() {
            return entry.getLine();
        }
    }

    private static String filesOf(List<Entry> entries) {
        return String.join(", ", entries.stream().map(e -> e.file().toString()).distinct().toList());
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String host = port == 22 ? hostname.toLowerCase(Locale.ROOT) : "[" + hostname.toLowerCase(Locale.ROOT) + "]:" + port;
        KeyType type = KeyType.fromKey(key);
        String presented = fingerprint(key);
        if (type == KeyType.UNKNOWN) {
            rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.UNKNOWN_REFUSED,
                    Phrase.of("host.key.unknownType", "{0} presented a key of a type NetTune does not know; refused.", host),
                    presented, null);
            return false;
        }
        try {
            List<Entry> changedFrom = new ArrayList<>();
            List<Entry> otherKeys = new ArrayList<>();
            Set<String> otherTypes = new LinkedHashSet<>();
            for (Path f : files()) {
                for (OpenSSHKnownHosts.KnownHostEntry e : load(f).entries()) {
                    if (!(e instanceof OpenSSHKnownHosts.HostEntry he) || !e.appliesTo(host) || negates(e.getLine(), host)) {
                        continue;
                    }
                    if (e.getLine().startsWith("@revoked") && keyBlobFingerprint(e.getLine()).equals(presented)) {
                        rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.REVOKED,
                                Phrase.of("host.key.revoked", "The host key of {0} ({1}) is marked @revoked in {2}; refused.", host,
                                        presented, f),
                                presented, presented);
                        return false;
                    }
                    if (e.getLine().startsWith("@")) {
                        continue; // a revoked old key or a CA line says nothing about a change
                    }
                    if (e.appliesTo(type, host)) {
                        if (e.verify(key)) {
                            lastVerified = presented;
                            lastTrust = HostKeyTrust.verified(presented, f);
                            return true;
                        }
                        changedFrom.add(new Entry(he, f));
                    } else {
                        otherTypes.add(e.getType().toString());
                        otherKeys.add(new Entry(he, f));
                    }
                }
            }
            if (!changedFrom.isEmpty()) {
                String old = String.join(", ", changedFrom.stream().map(e -> keyBlobFingerprint(e.line())).toList());
                rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.CHANGED,
                        Phrase.of("host.key.changed", "WARNING: THE HOST KEY OF {0} HAS CHANGED. {1} has {2} {3}; the host now"
                                + " presents {4}. Someone may be intercepting the connection (man in the middle), or the host was"
                                + " re-installed. NetTune refuses to connect. If you know the change is legitimate, remove the old"
                                + " entry ({5}) and connect again.", host, filesOf(changedFrom), type, old, presented,
                                removal(host, changedFrom)),
                        presented, keyBlobFingerprint(changedFrom.get(0).line()));
                return false;
            }
            if (!otherKeys.isEmpty()) {
                // OpenSSH (accept-new included) treats a key of another type for a host it knows as a changed key.
                List<Phrase> knownKeys = otherKeys.stream()
                        .map(e -> Phrase.of("host.key.knownIn", "{0} {1} (in {2})", e.entry().getType(), keyBlobFingerprint(e.line()),
                                e.file()))
                        .distinct().toList();
                rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.CHANGED,
                        Phrase.of("host.key.otherType", "The host key of {0} is not the one known: {1}; the host now presents"
                                + " {2} {3}. NetTune refuses it, even with --accept-new-host-key (a host does not drop its known"
                                + " key type by itself). If the change is legitimate, remove the old entry ({4}) and connect again.",
                                host, Phrase.joined(", ", knownKeys), type, presented, removal(host, otherKeys)),
                        presented, keyBlobFingerprint(otherKeys.get(0).line()));
                return false;
            }
            if (sessionTrust.trusts(host, presented)) {
                lastVerified = presented;
                lastTrust = HostKeyTrust.acceptedEarlierThisRun(presented);
                return true;
            }
            UnknownHostKey unknown = new UnknownHostKey(host, type.toString(), presented, file, List.copyOf(otherTypes));
            HostKeyDecision.Choice choice = decision.decide(unknown);
            switch (choice == null ? HostKeyDecision.Choice.REFUSE : choice) {
                case ACCEPT_AND_SAVE:
                    append(host, type, key);
                    lastVerified = presented;
                    lastTrust = HostKeyTrust.acceptedAndSaved(presented, file);
                    return true;
                case ACCEPT_ONCE:
                    sessionTrust.trust(host, presented);
                    lastVerified = presented;
                    lastTrust = HostKeyTrust.acceptedOnce(presented);
                    return true;
                default:
                    rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.UNKNOWN_REFUSED,
                            Phrase.of("host.key.notAccepted", "The host key of {0} is not in {1} ({2} {3}) and was not accepted."
                                    + " Check the fingerprint and accept it (CLI: --accept-new-host-key).", host,
                                    String.join(", ", files().stream().map(Path::toString).toList()), type, presented),
                            presented, null);
                    return false;
            }
        } catch (IOException | RuntimeException e) {
            rejection = new HostKeyRejectedException(HostKeyRejectedException.Reason.UNKNOWN_REFUSED,
                    Phrase.of("host.key.cannotCheck", "Cannot check the host key of {0} against {1}: {2}", host,
                            String.join(", ", files().stream().map(Path::toString).toList()), Phrase.from(e)), presented, null);
            return false;
        }
    }

    /** The ssh-keygen command(s) that remove the host's old entries, one per file that holds them. */
    private static String removal(String host, List<Entry> entries) {
        return String.join("; ", entries.stream().map(Entry::file).distinct()
                .map(f -> "ssh-keygen -R '" + host + "' -f " + f).toList());
    }

    /**
     * OpenSSH's rule for a line's host list: a {@code !pattern} that matches the host takes the whole line away
     * from it, whatever else on the line matches (sshj's matcher lets the positive pattern win).
     */
    static boolean negates(String line, String host) {
        String[] f = line.trim().split("\\s+");
        String hosts = f.length == 0 ? "" : f[0].startsWith("@") && f.length > 1 ? f[1] : f[0];
        for (String p : hosts.split(",")) {
            if (p.startsWith("!") && SshPatterns.wildMatch(host, p.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static String keyBlobFingerprint(String line) {
        String[] f = line.trim().split("\\s+");
        int i = f[0].startsWith("@") ? 3 : 2;
        if (f.length <= i) {
            return "(unreadable entry)";
        }
        try {
            return fingerprint(Base64.getDecoder().decode(f[i]));
        } catch (IllegalArgumentException e) {
            return "(unreadable entry)";
        }
    }

    private synchronized void append(String host, KeyType type, PublicKey key) throws IOException {
        String blob = Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
        String line = (usesHashedEntries() ? hashed(host) : host) + " " + type + " " + blob + "\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            // ~/.ssh is private by OpenSSH's rules; elsewhere the platform default is fine.
            try {
                Files.createDirectories(parent, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
        }
        boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        Files.writeString(file, (needsNewline ? "\n" : "") + line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Whether the file hides host names (HashKnownHosts yes): then a new entry must not reveal one. */
    private boolean usesHashedEntries() throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(l -> l.strip().startsWith("|1|"));
    }

    /** OpenSSH's hashed host: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, host))}. */
    static String hashed(String host) {
        try {
            byte[] salt = new byte[20];
            new java.security.SecureRandom().nextBytes(salt);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
            return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static boolean endsWithNewline(Path f) throws IOException {
        byte[] all = Files.readAllBytes(f);
        return all.length > 0 && all[all.length - 1] == '\n';
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> algorithms = new ArrayList<>();
        for (Path f : files()) {
            try {
                load(f).findExistingAlgorithms(hostname, port).stream().filter(a -> !algorithms.contains(a))
                        .forEach(algorithms::add);
            } catch (IOException e) {
                // an unreadable extra file offers no algorithms; verify() names it if it matters
            }
        }
        return algorithms;
    }
}
