package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import dev.nettune.InputException;
import static dev.nettune.host.ssh.SshPatterns.patternList;
import static dev.nettune.host.ssh.SshPatterns.wildMatch;

import dev.nettune.host.ssh.SshConfigFile.Directive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's {@code ~/.ssh/config} read the way OpenSSH's readconf.c reads it: {@code Host} patterns with
 * {@code *}, {@code ?} and {@code !negation}, {@code Match} blocks ({@code all}, {@code host}, {@code originalhost},
 * {@code user}, {@code localuser}, {@code canonical}/{@code final} in a second pass), {@code Include} (relative to
 * ~/.ssh, with globs, conditional on the block it is in), and the first obtained value of each option wins.
 * What NetTune cannot evaluate ({@code Match exec}, {@code localnetwork}, ProxyCommand) is skipped with a note
 * instead of failing every host, because a block that does not concern the host must not break it.
 * The file's lines are read by {@link SshConfigFile}, host patterns matched by {@link SshPatterns}; this class says
 * what the lines mean for one host.
 */
public final class SshConfig {
    private static final Pattern USER_HOST_PORT = Pattern.compile(
            "(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.%a-zA-Z]+\\]|[^:@\\s\\[\\]]+)(?::(\\d{1,5}))?");
    private static final int MAX_HOPS = 8;

    private final Path file;
    private final Path home;
    private final List<Directive> directives;

    private SshConfig(Path file, Path home, List<Directive> directives) {
        this.file = file;
        this.home = home;
        this.directives = List.copyOf(directives);
    }

    /** Reads {@code file}; a missing file is an empty configuration. Includes are relative to ~/.ssh. */
    public static SshConfig load(Path file) throws IOException {
        Path home = dev.nettune.host.UserHome.path();
        return load(file, home);
    }

    /** As {@link #load(Path)}, with {@code home} standing for {@code ~} (Include, IdentityFile, %d). */
    public static SshConfig load(Path file, Path home) throws IOException {
        if (!Files.exists(file)) {
            return new SshConfig(file, home, List.of());
        }
        return new SshConfig(file, home, SshConfigFile.read(file, home.resolve(".ssh"), home));
    }

    /** ~/.ssh/config. */
    public static Path defaultFile() {
        return dev.nettune.host.UserHome.path().resolve(".ssh").resolve("config");
    }

    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- aliases

    /** The concrete names of Host lines (no wildcards or negations), included files too: what a user can pick from. */
    public List<String> aliases() {
        Set<String> names = new LinkedHashSet<>();
        collectAliases(directives, names);
        return new ArrayList<>(names);
    }

    private static void collectAliases(List<Directive> ds, Set<String> names) {
        for (Directive d : ds) {
            if (d.keyword().equals("host")) {
                for (String n : d.args()) {
                    if (!n.isEmpty() && n.chars().noneMatch(c -> c == '*' || c == '?' || c == '!')) {
                        names.add(n);
                    }
                }
            }
            collectAliases(d.included(), names);
        }
    }

    /** True when a Host line names {@code alias} itself (not only a pattern matching it). */
    public boolean hasAlias(String alias) {
        return aliases().contains(alias);
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * What the file says for one host, before NetTune's own defaults: the options as {@code ssh -G} would print
     * them (hostname lower-cased and %h-expanded, known-hosts files expanded, identity files and ProxyJump as
     * written), and notes about what was skipped.
     */
    public record Resolution(String hostName, OptionalInt port, Optional<String> user, List<String> identityFiles,
                             Optional<String> proxyJump, List<String> userKnownHostsFiles, List<Phrase> notes,
                             Optional<String> strictHostKeyChecking) {
        public Resolution {
            identityFiles = List.copyOf(identityFiles);
            userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
            notes = List.copyOf(notes);
            java.util.Objects.requireNonNull(strictHostKeyChecking, "strictHostKeyChecking");
        }
    }

    /** Options collected while the file is walked; the first value obtained wins, as in readconf.c. */
    private final class Walk {
        final String originalHost;
        final String localUser;
        String host;
        boolean finalPass;
        boolean wantFinalPass;
        String hostName;
        Integer port;
        String user;
        final List<String> identityFiles = new ArrayList<>();
        String proxyJump;
        boolean proxyDecided;
        List<String> knownHosts;
        String strictHostKeyChecking;
        final List<Phrase> notes = new ArrayList<>();

        Walk(String host, String user, int port) {
            this.originalHost = host;
            this.host = host;
            this.user = user;
            this.port = port > 0 ? port : null;
            this.localUser = System.getProperty("user.name");
        }

        void note(Phrase s) {
            if (!notes.contains(s)) {
                notes.add(s);
            }
        }

        void run(List<Directive> ds, boolean[] active) throws IOException {
            for (Directive d : ds) {
                switch (d.keyword()) {
                    case "host" -> active[0] = hostLineMatches(d);
                    case "match" -> active[0] = matchLineMatches(d);
                    case "include" -> {
                        // An Include inside a block that does not apply is read with nothing matching (NEVERMATCH);
                        // after it, the including block's state is restored.
                        boolean outer = active[0];
                        if (outer) {
                            run(d.included(), active);
                        }
                        active[0] = outer;
                    }
                    default -> {
                        if (active[0]) {
                            apply(d);
                        }
                    }
                }
            }
        }

        boolean hostLineMatches(Directive d) throws IOException {
            if (d.args().isEmpty()) {
                throw new SshConfigException(Phrase.of("host.config.hostNoPattern", "{0}: Host needs at least one pattern.", d.where()));
            }
            boolean match = false;
            for (String p : d.args()) {
                boolean negated = p.startsWith("!");
                String pattern = negated ? p.substring(1) : p;
                if (wildMatch(host, pattern)) {
                    if (negated) {
                        return false;
                    }
                    match = true;
                }
            }
            return match;
        }

        boolean matchLineMatches(Directive d) throws IOException {
            List<String> a = d.args();
            if (a.isEmpty()) {
                throw new SshConfigException(Phrase.of("host.config.matchNoCriterion",
                        "{0}: Match needs a criterion (all, host, originalhost, user, localuser, exec, ...).", d.where()));
            }
            boolean result = true;
            for (int i = 0; i < a.size(); i++) {
                String word = a.get(i);
                boolean negate = word.startsWith("!");
                String criterion = (negate ? word.substring(1) : word).toLowerCase(Locale.ROOT);
                switch (criterion) {
                    case "all" -> {
                        if (a.size() > 1 && !(a.size() == 2 && isPassWord(a.get(i == 0 ? 1 : 0)))) {
                            throw new SshConfigException(Phrase.of("host.config.matchAllCombined",
                                    "{0}: 'Match all' cannot be combined with other criteria.", d.where()));
                        }
                        result &= !negate;
                        continue;
                    }
                    case "canonical", "final" -> {
                        wantFinalPass = true;
                        result &= finalPass != negate;
                        continue;
                    }
                    default -> {
                    }
                }
                if (i + 1 >= a.size()) {
                    throw new SshConfigException(Phrase.of("host.config.matchNoArgument", "{0}: Match {1} needs an argument.", d.where(),
                            criterion));
                }
                String arg = a.get(++i);
                switch (criterion) {
                    case "host" -> result &= patternList(currentHostName(), arg) != negate;
                    case "originalhost" -> result &= patternList(originalHost, arg) != negate;
                    case "user" -> result &= patternList(user != null ? user : localUser, arg) != negate;
                    case "localuser" -> result &= patternList(localUser, arg) != negate;
                    case "exec" -> {
                        if (result) {
                            note(Phrase.of("host.config.matchExecSkipped", "{0}: 'Match exec' is not run by NetTune (it would run a command"
                                    + " from the config); that block is treated as not matching. Use an alias without it, or"
                                    + " user@host:port.", d.where()));
                            result = false;
                        }
                    }
                    case "localnetwork", "tagged" -> {
                        if (result) {
                            note(Phrase.of("host.config.matchSkipped", "{0}: 'Match {1}' is not evaluated by NetTune; that block is"
                                    + " treated as not matching.", d.where(), criterion));
                            result = false;
                        }
                    }
                    default -> throw new SshConfigException(Phrase.of("host.config.matchUnsupported", "{0}: unsupported Match criterion"
                            + " '{1}'. Allowed: all, canonical, final, exec, host, originalhost, user, localuser, localnetwork, tagged.",
                            d.where(), criterion));
                }
            }
            return result;
        }

        private boolean isPassWord(String w) {
            String s = w.toLowerCase(Locale.ROOT);
            return s.equals("canonical") || s.equals("final");
        }

        /** Match host compares the HostName obtained so far (%h expanded), else the name typed. */
        String currentHostName() {
            return hostName == null ? host : expandHostName(hostName, host);
        }

        void apply(Directive d) throws IOException {
            List<String> a = d.args();
            switch (d.keyword()) {
                case "hostname" -> {
                    if (hostName == null) {
                        hostName = one(d);
                    }
                }
                case "user" -> {
                    if (user == null) {
                        user = one(d);
                    }
                }
                case "port" -> {
                    if (port == null) {
                        port = parsePort(one(d), d.where());
                    }
                }
                case "identityfile" -> identityFiles.add(one(d));
                case "proxyjump" -> {
                    if (!proxyDecided) {
                        proxyDecided = true;
                        proxyJump = one(d);
                    }
                }
                case "proxycommand" -> {
                    if (!proxyDecided) {
                        proxyDecided = true;
                        if (!String.join(" ", a).equalsIgnoreCase("none")) {
                            note(Phrase.of("host.config.proxyCommandSkipped", "{0}: ProxyCommand is not run by NetTune; the host is"
                                    + " reached directly. Use ProxyJump for a bastion.", d.where()));
                        }
                    }
                }
                case "userknownhostsfile" -> {
                    if (knownHosts == null) {
                        if (a.isEmpty()) {
                            throw new SshConfigException(Phrase.of("host.config.knownHostsNoFile", "{0}: UserKnownHostsFile needs a file name.",
                                    d.where()));
                        }
                        knownHosts = new ArrayList<>(a);
                    }
                }
                case "stricthostkeychecking" -> {
                    if (strictHostKeyChecking == null) {
                        // readconf.c's multistate: true/yes, false/no/off, ask, accept-new.
                        strictHostKeyChecking = switch (one(d).toLowerCase(Locale.ROOT)) {
                            case "yes", "true" -> "yes";
                            case "no", "false", "off" -> "no";
                            case "ask" -> "ask";
                            case "accept-new" -> "accept-new";
                            default -> throw new SshConfigException(Phrase.of("host.config.strictValue", "{0}: StrictHostKeyChecking takes"
                                    + " yes, accept-new, no, off or ask; not '{1}'.", d.where(), one(d)));
                        };
                    }
                }
                case "canonicalizehostname" -> {
                    if (!a.isEmpty() && !a.get(0).equalsIgnoreCase("no")) {
                        note(Phrase.of("host.config.canonicalizeSkipped", "{0}: CanonicalizeHostname is not applied by NetTune (no DNS"
                                + " search); names are used as written.", d.where()));
                    }
                }
                default -> {
                    // Every other option (ciphers, forwarding, ...) does not change where or as whom NetTune logs in.
                }
            }
        }

        String one(Directive d) throws IOException {
            if (d.args().isEmpty()) {
                throw new SshConfigException(Phrase.of("host.config.needsValue", "{0}: {1} needs a value.", d.where(), d.keyword()));
            }
            return d.args().get(0);
        }
    }

    private static int parsePort(String s, String where) throws IOException {
        if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
            throw new SshConfigException(Phrase.of("host.config.badPort", "{0}: Port '{1}' is not a port; allowed: 1 to 65535.", where,
                    clip(s)));
        }
        return Integer.parseInt(s);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String expandHostName(String value, String host) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char k = value.charAt(++i);
                if (k == 'h') {
                    b.append(host);
                } else if (k == '%') {
                    b.append('%');
                } else {
                    b.append('%').append(k);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Walks the file for {@code host} as {@code ssh -G} would, with a user and port from the command line
     * (0 / null: none), which win because they are obtained first.
     */
    public Resolution resolution(String host, int port, String user) throws IOException {
        String typed = host.toLowerCase(Locale.ROOT);
        Walk w = new Walk(typed, user, port);
        w.run(directives, new boolean[] {true});
        if (w.wantFinalPass) {
            // OpenSSH's final pass: the file again, Host lines now matched against the resolved name.
            w.finalPass = true;
            w.host = w.currentHostName().toLowerCase(Locale.ROOT);
            w.run(directives, new boolean[] {true});
        }
        String hostName = w.currentHostName().toLowerCase(Locale.ROOT);
        int effectivePort = w.port == null ? 22 : w.port;
        String effectiveUser = w.user != null ? w.user : w.localUser;
        List<String> knownHosts = new ArrayList<>();
        if (w.knownHosts != null) {
            for (String k : w.knownHosts) {
                knownHosts.add(expandTokens(k, hostName, typed, effectiveUser, effectivePort, w.localUser));
            }
        }
        return new Resolution(hostName, w.port == null ? OptionalInt.empty() : OptionalInt.of(w.port),
                Optional.ofNullable(w.user), w.identityFiles, Optional.ofNullable(w.proxyJump), knownHosts, w.notes,
                Optional.ofNullable(w.strictHostKeyChecking));
    }

    /** ~ and the tokens OpenSSH expands in file names: %% %d %h %n %p %r %u. */
    private String expandTokens(String value, String hostName, String original, String user, int port, String localUser) {
        String v = SshConfigFile.expandTilde(value, home);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 >= v.length()) {
                b.append(c);
                continue;
            }
            char k = v.charAt(++i);
            switch (k) {
                case '%' -> b.append('%');
                case 'd' -> b.append(home);
                case 'h' -> b.append(hostName);
                case 'n' -> b.append(original);
                case 'p' -> b.append(port);
                case 'r' -> b.append(user);
                case 'u' -> b.append(localUser);
                default -> b.append('%').append(k);
            }
        }
        return b.toString();
    }

    /**
     * Where {@code ssh host} would go: the effective HostName, Port, User and IdentityFiles,
     * and the ProxyJump chain resolved the same way.
     */
    public SshTarget resolve(String host) throws IOException {
        return resolve(host, 0, null, 0);
    }

    /** As {@link #resolve(String)}, with a user and port given on the command line (which win over the file). */
    public SshTarget resolve(String host, int port, String user) throws IOException {
        return resolve(host, port, user, 0);
    }

    /** The notes (skipped Match exec, ProxyCommand, ...) of resolving {@code host}; empty when nothing was skipped. */
    public List<Phrase> notes(String host) throws IOException {
        return resolution(host, 0, null).notes();
    }

    /** The known_hosts files the file names for {@code host} (UserKnownHostsFile, expanded), empty for the default. */
    public List<Path> knownHostsFiles(String host, int port, String user) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String s : resolution(host, port, user).userKnownHostsFiles()) {
            out.add(Path.of(s));
        }
        return out;
    }

    /**
     * What the file says for a host as typed ({@code [user@]host[:port]} or an alias): its known_hosts files and
     * StrictHostKeyChecking, which decide how the host's key is checked.
     */
    public Resolution resolutionOfSpec(String spec) throws IOException {
        Matcher m = USER_HOST_PORT.matcher(spec.startsWith("ssh://") ? spec.substring(6) : spec);
        if (!m.matches()) {
            throw new InputException(Phrase.of("host.badSpecIn", "Not a host: '{0}'; expected [user@]host[:port] or an alias of {1}.",
                    clip(spec), file));
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        int port = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return resolution(host, port, m.group(1));
    }

    private SshTarget resolve(String host, int port, String user, int depth) throws IOException {
        if (depth > MAX_HOPS) {
            throw new SshConfigException(Phrase.of("host.config.jumpLoop", "ProxyJump in {0} nests more than {1} hops (a loop?) at '{2}'.",
                    file, MAX_HOPS, host));
        }
        Resolution r = resolution(host, port, user);
        int effectivePort = r.port().orElse(22);
        String effectiveUser = r.user().orElse(System.getProperty("user.name"));
        List<Path> ids = new ArrayList<>();
        for (String id : r.identityFiles()) {
            ids.add(Path.of(expandTokens(id, r.hostName(), host.toLowerCase(Locale.ROOT), effectiveUser, effectivePort,
                    System.getProperty("user.name"))));
        }
        Optional<SshTarget> jump = Optional.empty();
        String proxyJump = r.proxyJump().orElse(null);
        if (proxyJump != null && !proxyJump.isBlank() && !proxyJump.strip().equalsIgnoreCase("none")) {
            jump = Optional.of(jumpChain(proxyJump.strip(), depth));
        }
        return new SshTarget(r.hostName(), effectivePort, effectiveUser, ids, jump,
                r.userKnownHostsFiles().stream().map(Path::of).toList());
    }

    /** {@code a,b,c}: connect to a, from there to b, from there to c; c is the last bastion. */
    private SshTarget jumpChain(String proxyJump, int depth) throws IOException {
        SshTarget previous = null;
        for (String hop : proxyJump.split(",")) {
            SshTarget t = hop(hop.strip(), depth + 1);
            previous = previous == null ? t : t.withJump(previous);
        }
        return previous;
    }

    /**
     * A host as typed on a command line or in a ProxyJump: {@code [user@]host[:port]}, where host
     * may be an alias of this file; user and port given here win over the file's.
     */
    public SshTarget resolveSpec(String spec) throws IOException {
        return hop(spec, 0);
    }

    private SshTarget hop(String spec, int depth) throws IOException {
        Matcher m = USER_HOST_PORT.matcher(spec.startsWith("ssh://") ? spec.substring(6) : spec);
        if (!m.matches()) {
            throw new InputException(Phrase.of("host.badSpecIn", "Not a host: '{0}'; expected [user@]host[:port] or an alias of {1}.",
                    clip(spec), file));
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        int port = 0;
        if (m.group(3) != null) {
            port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new InputException(Phrase.of("host.specPortOutOfRange", "Port {0} in '{1}' is out of range; allowed: 1 to 65535.",
                        port, clip(spec)));
            }
        }
        return resolve(host, port, m.group(1), depth);
    }
}
