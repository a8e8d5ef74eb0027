package dev.nettune.cloud;

import java.util.regex.Pattern;

/** The shape shared by Alibaba Cloud resource ids: a fixed prefix, then lower-case letters and digits. */
final class ResourceIdShape {
    private static final Pattern BODY = Pattern.compile("[a-z0-9]{3,40}");

    private ResourceIdShape() {
    }

    static String check(String kind, String prefix, String value) {
        if (value == null || value.isBlank()) {
            throw new CloudInputException("The " + kind + " id is empty; it looks like " + prefix + "bp1a2b3c4d5e6f7g8h9i.");
        }
        String v = value.strip();
        if (!v.startsWith(prefix) || !BODY.matcher(v.substring(prefix.length())).matches()) {
            throw new CloudInputException("'" + value + "' is not " + article(kind) + " " + kind + " id: it must start with '"
                    + prefix + "' followed by 3-40 lower-case letters or digits, e.g. " + prefix + "bp1a2b3c4d5e6f7g8h9i.");
        }
        return v;
    }

    private static String article(String kind) {
        return "aeiouAEIOU".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }
}
