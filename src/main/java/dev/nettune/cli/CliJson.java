package dev.nettune.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.rss.Flow;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output of the CLI: one compact line per document, keys in the order they were put. */
final class CliJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CliJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A flow as {@code {"proto":..,"src":..,"dst":..,"sport":..,"dport":..}}; ports are null for a 2-tuple. */
    static Map<String, Object> flow(Flow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proto", f.protocol().label());
        m.put("src", f.source() == null ? null : f.source().toString());
        m.put("dst", f.destination() == null ? null : f.destination().toString());
        m.put("sport", f.protocol().hashesPorts() ? f.sourcePort() : null);
        m.put("dport", f.protocol().hashesPorts() ? f.destinationPort() : null);
        return m;
    }
}
