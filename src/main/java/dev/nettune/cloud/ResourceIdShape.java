package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.regex.Pattern;

/** The shape shared by Alibaba Cloud resource ids: a fixed prefix, then lower-case letters and digits. */
final class ResourceIdShape {
    private static final Pattern BODY = Pattern.compile("[a-z0-9]{3,40}");

    private ResourceIdShape() {
    }

    /**
     * {@code value} stripped, or an error naming the kind of id: {@code kind} alone ("instance") and with its English
     * article ("an instance"), two phrases because Chinese has no article.
     */
    static String check(Phrase kind, Phrase aKind, String prefix, String value) {
        if (value == null || value.isBlank()) {
            throw new CloudInputException(Phrase.of("cloud.id.empty", "The {0} id is empty; it looks like {1}bp1a2b3c4d5e6f7g8h9i.",
                    kind, prefix));
        }
        String v = value.strip();
        if (!v.startsWith(prefix) || !BODY.matcher(v.substring(prefix.length())).matches()) {
            throw new CloudInputException(Phrase.of("cloud.id.bad", "'{0}' is not {1} id: it must start with '{2}'"
                    + " followed by 3-40 lower-case letters or digits, e.g. {2}bp1a2b3c4d5e6f7g8h9i.", value, aKind, prefix));
        }
        return v;
    }
}
