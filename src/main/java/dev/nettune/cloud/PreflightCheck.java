package dev.nettune.cloud;

import dev.nettune.Phrase;

/**
 * One prerequisite of a cloud change, checked: pass, fail or unknown, and why. Its name and reason are phrases, so the
 * CLI and the RSS wizard say them in the user's language; {@link #name()} and {@link #reason()} are their English.
 */
public record PreflightCheck(Phrase namePhrase, Status status, Phrase reasonPhrase) {
    /** The outcome of a check. */
    public enum Status {
        PASS, FAIL, UNKNOWN;

        /** The outcome as the check's line shows it between brackets ("[PASS]"). */
        public Phrase phrase() {
            return switch (this) {
                case PASS -> Phrase.of("cloud.preflight.pass", "PASS");
                case FAIL -> Phrase.of("cloud.preflight.fail", "FAIL");
                case UNKNOWN -> Phrase.of("cloud.preflight.unknown", "UNKNOWN");
            };
        }
    }

    public static PreflightCheck pass(Phrase name, Phrase reason) {
        return new PreflightCheck(name, Status.PASS, reason);
    }

    public static PreflightCheck fail(Phrase name, Phrase reason) {
        return new PreflightCheck(name, Status.FAIL, reason);
    }

    public static PreflightCheck unknown(Phrase name, Phrase reason) {
        return new PreflightCheck(name, Status.UNKNOWN, reason);
    }

    /** The check's name in English ("DPDK version"). */
    public String name() {
        return namePhrase.toString();
    }

    /** Why, in English. */
    public String reason() {
        return reasonPhrase.toString();
    }

    /** The check as one line: "[PASS] Region: ...". */
    public Phrase line() {
        return Phrase.of("cloud.preflight.line", "[{0}] {1}: {2}", status.phrase(), namePhrase, reasonPhrase);
    }

    @Override
    public String toString() {
        return line().toString();
    }
}
