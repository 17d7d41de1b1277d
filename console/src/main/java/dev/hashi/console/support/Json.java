package dev.hashi.console.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reads optional members of the gateway's JSON without {@code null} checks at every step. */
public final class Json {

    private Json() {}

    /** The member's text, or {@code null} when it is absent or not a string. */
    public static String text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isString() ? value.asString() : null;
    }

    public static long number(JsonNode node, String member, long otherwise) {
        JsonNode value = node.path(member);
        return value.isNumber() ? value.asLong() : otherwise;
    }

    /** The strings of an array member (others skipped). */
    public static List<String> strings(JsonNode node, String member) {
        List<String> values = new ArrayList<>();
        node.path(member).forEach(value -> {
            if (value.isString()) {
                values.add(value.asString());
            }
        });
        return values;
    }

    /** A value for display: strings as they are, anything else as JSON, {@code null} for none. */
    public static String display(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
