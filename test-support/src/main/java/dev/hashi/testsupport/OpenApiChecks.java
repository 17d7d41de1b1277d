package dev.hashi.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an OpenAPI 3 document against the API conventions: every operation answers a 2xx response whose body has
 * a schema (204 and other bodiless statuses excepted), at least one 4xx problem response
 * ({@code application/problem+json} with a schema), and the document declares a bearer security scheme and a
 * {@code Problem} schema. Failures list every offending operation at once.
 */
public final class OpenApiChecks {

    /** Statuses that carry no body. */
    private static final Set<String> BODILESS = Set.of("204", "205", "304");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiChecks() {}

    /** Runs every check on {@code document} (the parsed {@code /v3/api-docs}). */
    public static void checkConventions(JsonNode document) {
        assertThat(operations(document)).as("operations in the document").isNotEmpty();
        assertThat(problems(document))
                .as("operations that break the conventions")
                .isEmpty();
    }

    /** {@code METHOD path} of every operation. */
    public static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** What breaks the conventions, one line per finding; empty when the document follows them. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        boolean bearer = false;
        for (JsonNode scheme : document.path("components").path("securitySchemes")) {
            bearer |= "http".equals(scheme.path("type").asString())
                    && "bearer".equalsIgnoreCase(scheme.path("scheme").asString());
        }
        if (!bearer) {
            problems.add("no bearer security scheme in components.securitySchemes");
        }
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            problems.add("no Problem schema in components.schemas");
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                problems.addAll(checkOperation(name, operation.getValue().path("responses")));
            }
        }
        return problems;
    }

    private static List<String> checkOperation(String name, JsonNode responses) {
        List<String> problems = new ArrayList<>();
        boolean success = false;
        boolean problem = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if (!BODILESS.contains(status) && !hasSchema(content)) {
                    problems.add(name + ": " + status + " has no body schema");
                }
            }
            if (status.startsWith("4")) {
                JsonNode problemJson = content.path("application/problem+json");
                if (!problemJson.path("schema").isObject()
                        || problemJson.path("schema").isEmpty()) {
                    problems.add(name + ": " + status + " is not an application/problem+json response with a schema");
                } else {
                    problem = true;
                }
            }
        }
        if (!success) {
            problems.add(name + ": no 2xx response");
        }
        if (!problem) {
            problems.add(name + ": no 4xx problem response");
        }
        return problems;
    }

    private static boolean hasSchema(JsonNode content) {
        for (JsonNode mediaType : content) {
            JsonNode schema = mediaType.path("schema");
            if (schema.isObject() && !schema.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
