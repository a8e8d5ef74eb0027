package dev.nettune.linux;

import dev.nettune.Phrase;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One fact read from a host (a host-state fact, or the current value of a tunable a tuning change reads):
 * either {@link Known} with its value, or {@link Unknown} with the reason
 * it could not be read (a missing tool, "Operation not supported", no permission), so that a partial
 * read of a host is still a complete, honest answer instead of a crash.
 */
public sealed interface Reading<T> permits Reading.Known, Reading.Unknown {

    /** A value that was read. */
    record Known<T>(T value) implements Reading<T> {
        public Known {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A value that could not be read; {@code why} completes the sentence "unknown because ...", as a phrase the
     * screens say in the user's language ({@link #reason()} is its English).
     */
    record Unknown<T>(Phrase why) implements Reading<T> {
        public Unknown {
            Objects.requireNonNull(why, "why");
            if (why.toString().isBlank()) {
                throw new IllegalArgumentException("An unknown reading needs a reason; got a blank one.");
            }
        }

        /** The reason in English (what --json, journals and logs keep). */
        public String reason() {
            return why.toString();
        }
    }

    static <T> Reading<T> known(T value) {
        return new Known<>(value);
    }

    /** Unknown for a reason that has no translation (a host's own error text). */
    static <T> Reading<T> unknown(String reason) {
        return new Unknown<>(Phrase.literal(Objects.requireNonNull(reason, "reason")));
    }

    /** Unknown for a reason said in the user's language. */
    static <T> Reading<T> unknown(Phrase why) {
        return new Unknown<>(why);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    default Optional<T> asOptional() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    default T orElse(T other) {
        return this instanceof Known<T> k ? k.value() : other;
    }

    /** The value transformed; an unknown stays unknown with its reason. */
    default <R> Reading<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Known<T> k) {
            return new Known<>(f.apply(k.value()));
        }
        return new Unknown<>(((Unknown<T>) this).why());
    }

    /** Why the value could not be read; empty when it was. */
    default Optional<String> unknownReason() {
        return this instanceof Unknown<T> u ? Optional.of(u.reason()) : Optional.empty();
    }

    /** Why the value could not be read, as a phrase; empty when it was. */
    default Optional<Phrase> unknownPhrase() {
        return this instanceof Unknown<T> u ? Optional.of(u.why()) : Optional.empty();
    }

    /** The value as text, or the reason in brackets: the short form journal entries and plan messages use. */
    default String show() {
        return this instanceof Known<T> k ? String.valueOf(k.value()) : "(" + ((Unknown<T>) this).reason() + ")";
    }

    /** The value as text, or "unknown because ..." for a person to read. */
    default String describe(Function<? super T, String> format) {
        if (this instanceof Known<T> k) {
            return format.apply(k.value());
        }
        return "unknown because " + ((Unknown<T>) this).reason();
    }

    default String describe() {
        return describe(String::valueOf);
    }
}
