package dev.nettune.host.ssh;

import java.util.Locale;

/** OpenSSH's host patterns (match.c): {@code *} and {@code ?} wildcards, comma lists with {@code !negation}. */
final class SshPatterns {
    private SshPatterns() {
    }

    /** match_pattern_list: true only when a positive pattern matches and no negated one does. */
    static boolean patternList(String value, String list) {
        boolean match = false;
        for (String p : list.split(",")) {
            boolean negated = p.startsWith("!");
            String pattern = negated ? p.substring(1) : p;
            if (wildMatch(value, pattern)) {
                if (negated) {
                    return false;
                }
                match = true;
            }
        }
        return match;
    }

    /** OpenSSH's match_pattern with {@code *} and {@code ?}, case-insensitive like host matching. */
    static boolean wildMatch(String value, String pattern) {
        String v = value.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        int vi = 0;
        int pi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                vi++;
                pi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
