package dev.nettune.tuning;

import dev.nettune.host.CommandResult;
import dev.nettune.linux.LinuxParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * The reading of one tool's output: unavailable with its stderr when it failed, or with the
     * parser's complaint when it printed something unreadable; otherwise what {@code parse} makes of it.
     */
    public static Reading fromTool(CommandResult result, String what, Function<String, Reading> parse) {
        if (!result.ok()) {
            return unavailable(what + " failed: " + result.stderr().strip());
        }
        try {
            return parse.apply(result.stdout());
        } catch (LinuxParseException e) {
            return unavailable(what + " printed something NetTune cannot read: " + e.getMessage());
        }
    }

    public boolean available() {
        return value.isPresent();
    }

    /** The value, or the reason in brackets, for messages. */
    public String show() {
        return value.orElseGet(() -> "(" + unavailable.get() + ")");
    }
}
