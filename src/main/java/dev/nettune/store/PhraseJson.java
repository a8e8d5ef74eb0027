package dev.nettune.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;

/** A {@link Phrase} as the journals store it (key, English, arguments, nested phrases kept), so it is read back in any language. */
final class PhraseJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PhraseJson() {
    }

    static String write(Phrase p) {
        try {
            return JSON.writeValueAsString(node(p));
        } catch (JsonProcessingException e) {
            throw new StoreException(Phrase.of("store.journal.cannotJournalMessage", "Cannot journal a message: {0}", e.getMessage()), e);
        }
    }

    /** The phrase written by {@link #write}; {@code english} as an untranslated phrase when there is none (rows from before). */
    static Phrase read(String json, String english) {
        if (json == null || json.isEmpty()) {
            return Phrase.literal(english == null ? "" : english);
        }
        try {
            return phrase(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return Phrase.literal(english == null ? "" : english);
        }
    }

    static ObjectNode node(Phrase p) {
        ObjectNode o = JSON.createObjectNode();
        if (p.key() != null) {
            o.put("key", p.key());
        }
        o.put("english", p.english());
        ArrayNode args = o.putArray("args");
        for (Object a : p.args()) {
            if (a instanceof Phrase inner) {
                args.add(node(inner));
            } else {
                args.add(String.valueOf(a));
            }
        }
        return o;
    }

    static Phrase phrase(JsonNode n) {
        if (n.isTextual()) {
            return Phrase.literal(n.asText());
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : n.path("args")) {
            args.add(a.isTextual() ? a.asText() : phrase(a));
        }
        return new Phrase(n.hasNonNull("key") ? n.get("key").asText() : null, n.path("english").asText(), args);
    }
}
