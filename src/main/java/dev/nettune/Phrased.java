package dev.nettune;

/**
 * A throwable that carries what it says as a {@link Phrase}, so that the screens and the CLI say it in the user's
 * language: input errors, and refusals that are not bad input (a host that refused the login, a host being tuned by
 * another run) and so must not be {@link InputException}s.
 */
public interface Phrased {
    /** What the throwable says, as a phrase (key, arguments, English). */
    Phrase phrase();
}
