package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** Small helpers for the real answers' JSON shapes (lists wrapped in an object, ISO times). */
final class Json {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** The real list shape: {@code "Outer": {"Inner": [ ... ]}}; returns the array. */
    static ArrayNode list(ObjectNode parent, String outer, String inner) {
        return parent.putObject(outer).putArray(inner);
    }

    static ArrayNode strings(ObjectNode parent, String outer, String inner, Collection<String> values) {
        ArrayNode array = list(parent, outer, inner);
        values.forEach(array::add);
        return array;
    }

    /** {@code 2026-11-22T02:28:17Z}, as ENI and security-group answers show times. */
    static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2026-11-22T02:28Z}, as DescribeInstances shows times. */
    static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }
}
