package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders an answer as the XML the real API sends for {@code Format=XML}: the JSON tree under a root
 * element ({@code <ActionResponse>} or {@code <Error>}); a list {@code "Outer":{"Inner":[...]}} becomes
 * repeated {@code <Inner>} elements inside {@code <Outer>}.
 */
final class XmlAnswer {
    private XmlAnswer() {
    }

    static String render(String root, JsonNode body) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>");
        element(xml, root, body);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                element(xml, name, item);
            }
            return;
        }
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                element(xml, field.getKey(), field.getValue());
            }
        } else if (!value.isNull()) {
            escape(xml, value.asText());
        }
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String text) {
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
    }
}
