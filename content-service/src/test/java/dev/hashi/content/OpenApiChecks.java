package dev.hashi.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What every service's OpenAPI document promises: each operation answers a 2xx with a schema (204 has no body) and
 * failures as {@code application/problem+json} with a schema, a bearer security scheme, and at least one example.
 */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiChecks() {}

    /** Every broken promise of {@code document} (an OpenAPI 3 document), empty when it keeps them all. */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    check(name, operation.getValue().path("responses"), document, violations);
                }
            }
        }
        if (!hasBearerScheme(document)) {
            violations.add("no bearer security scheme in components.securitySchemes");
        }
        if (document.findValues("example").isEmpty()
                && document.findValues("examples").isEmpty()) {
            violations.add("no example anywhere");
        }
        return violations;
    }

    private static void check(String operation, JsonNode responses, JsonNode document, List<String> violations) {
        boolean success = false;
        boolean problem = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                if (status.equals("204")) {
                    success = true;
                } else if (hasSchema(content, document)) {
                    success = true;
                } else {
                    violations.add(operation + " answers " + status + " without a schema");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                if (hasSchema(content.path(PROBLEM_JSON), document)) {
                    problem = true;
                } else {
                    violations.add(operation + " answers " + status + " without an " + PROBLEM_JSON + " schema");
                }
            }
        }
        if (!success) {
            violations.add(operation + " has no 2xx response with a schema");
        }
        if (!problem) {
            violations.add(operation + " has no problem response");
        }
    }

    /** Whether {@code content} (a media type, or a map of them) names a schema that resolves. */
    private static boolean hasSchema(JsonNode content, JsonNode document) {
        if (content.has("schema")) {
            return resolves(content.path("schema"), document);
        }
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (media.getValue().has("schema") && resolves(media.getValue().path("schema"), document)) {
                return true;
            }
        }
        return false;
    }

    private static boolean resolves(JsonNode schema, JsonNode document) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return !schema.isEmpty();
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return ref.startsWith("#/components/schemas/")
                && document.path("components").path("schemas").has(name);
    }

    private static boolean hasBearerScheme(JsonNode document) {
        for (Map.Entry<String, JsonNode> scheme :
                document.path("components").path("securitySchemes").properties()) {
            JsonNode value = scheme.getValue();
            if (value.path("type").asString("").equals("http")
                    && value.path("scheme").asString("").equalsIgnoreCase("bearer")) {
                return true;
            }
        }
        return false;
    }
}
