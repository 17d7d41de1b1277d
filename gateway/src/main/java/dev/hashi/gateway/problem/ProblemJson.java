package dev.hashi.gateway.problem;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a problem as RFC 9457 JSON: {@code detail}, {@code instance}, {@code status}, {@code title}, then
 * {@code code}, {@code service} (downstream failures only), {@code requestId} and any extension members (such as
 * {@code errors}); absent values are left out. The
 * same document Jackson wrote for a {@code ProblemDetail}, built directly, because going through the codecs (content
 * negotiation, a Jackson generator per response) was a visible share of the cost of every refusal.
 */
final class ProblemJson {

    /** Extension members are rare (a few refusals carry them) and may nest, so Jackson writes them. */
    private static final JsonMapper MEMBERS = JsonMapper.builder().build();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ProblemJson() {}

    static byte[] render(GatewayProblem problem, String path, String requestId) {
        StringBuilder json = new StringBuilder(256).append('{');
        boolean first = field(json, true, "detail", problem.detail());
        first = field(json, first, "instance", path);
        if (!first) {
            json.append(',');
        }
        json.append("\"status\":").append(problem.status().value());
        field(json, false, "title", problem.title());
        field(json, false, "code", problem.code());
        field(json, false, "service", problem.service());
        field(json, false, "requestId", requestId);
        problem.members()
                .forEach((name, value) -> json.append(',')
                        .append('"')
                        .append(name)
                        .append("\":")
                        .append(MEMBERS.writeValueAsString(value)));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code "name":"value"} unless the value is null; returns whether nothing has been written yet. */
    private static boolean field(StringBuilder json, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        if (!first) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
        string(json, value);
        return false;
    }

    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
