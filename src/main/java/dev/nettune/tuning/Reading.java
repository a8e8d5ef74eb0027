package dev.nettune.tuning;

import java.util.Objects;
import java.util.Optional;

/**
 * The current value of one tunable on a host, in the change's canonical text form, or why it
 * cannot be read (for example "not available on this kernel").
 */
public record Reading(Optional<String> value, Optional<String> unavailable) {
    public Reading {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unavailable, "unavailable");
        if (value.isPresent() == unavailable.isPresent()) {
            throw new IllegalArgumentException("A reading has either a value or a reason it is unavailable.");
        }
    }

    public static Reading of(String value) {
        return new Reading(Optional.of(value), Optional.empty());
    }

    public static Reading unavailable(String reason) {
        return new Reading(Optional.empty(), Optional.of(reason));
    }

    public boolean available() {
        return value.isPresent();
    }

    /** The value, or the reason in brackets, for messages. */
    public String show() {
        return value.orElseGet(() -> "(" + unavailable.get() + ")");
    }
}
