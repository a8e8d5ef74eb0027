package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The idempotency token of a create call: the API returns the same resource for a retried request
 * with the same token instead of making a second one. ASCII, at most 64 characters.
 */
public record ClientToken(String value) {
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7e]{1,64}");

    public ClientToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new CloudInputException(Phrase.of("cloud.clientToken.bad",
                    "'{0}' is not a ClientToken: use 1-64 printable ASCII characters without spaces.", String.valueOf(value)));
        }
    }

    public static ClientToken random() {
        return new ClientToken("nettune-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
