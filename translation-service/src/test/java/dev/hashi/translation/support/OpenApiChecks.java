package dev.hashi.translation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks an OpenAPI document against the conventions: every operation has a 2xx response with a typed schema and
 * a 4xx response as {@code application/problem+json} with a schema, the document has a bearer security scheme and
 * at least one example. Each check answers the violations it found, empty when there are none.
 */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiChecks() {}

    /** Every violation in {@code document}, as readable lines. */
    public static List<String> violations(JsonNode document) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    found.addAll(operationViolations(name, operation.getValue().path("responses")));
                }
            }
        }
        if (!hasBearerScheme(document)) {
            found.add("no bearer security scheme in components.securitySchemes");
        }
        if (!document.toString().contains("\"example")) {
            found.add("no example anywhere in the document");
        }
        return found;
    }

    private static List<String> operationViolations(String name, JsonNode responses) {
        List<String> found = new ArrayList<>();
        boolean typedSuccess = false;
        boolean problem = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                for (JsonNode media : content) {
                    typedSuccess |= isTyped(media.path("schema"));
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode problemMedia = content.path("application/problem+json");
                if (problemMedia.isMissingNode() || !isTyped(problemMedia.path("schema"))) {
                    found.add(name + " answers " + status + " without an application/problem+json schema");
                } else if (status.startsWith("4")) {
                    problem = true;
                }
            }
        }
        if (!typedSuccess) {
            found.add(name + " has no 2xx response with a typed schema");
        }
        if (!problem) {
            found.add(name + " has no 4xx problem response");
        }
        return found;
    }

    /** A {@code $ref}, or a type that says more than "some object". */
    private static boolean isTyped(JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return false;
        }
        if (schema.has("$ref")) {
            return true;
        }
        String type = schema.path("type").asString("");
        if (type.isEmpty()) {
            return schema.has("oneOf") || schema.has("allOf") || schema.has("anyOf");
        }
        if (type.equals("object")) {
            return schema.has("properties");
        }
        if (type.equals("array")) {
            return isTyped(schema.path("items"));
        }
        return true;
    }

    private static boolean hasBearerScheme(JsonNode document) {
        for (JsonNode scheme : document.path("components").path("securitySchemes")) {
            if (scheme.path("type").asString("").equals("http")
                    && scheme.path("scheme").asString("").equalsIgnoreCase("bearer")) {
                return true;
            }
        }
        return false;
    }
}
