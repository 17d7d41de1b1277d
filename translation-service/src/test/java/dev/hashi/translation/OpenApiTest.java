package dev.hashi.translation;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.OpenApiChecks;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends ServiceTest {

    @Test
    void everyOperationHasATypedResponseAndProblemResponsesAndTheDocumentHasABearerSchemeAndExamples() {
        Reply docs = client().get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw())
                .contains(
                        "/api/translations/queue",
                        "/api/translations/units/{unitId}/submit",
                        "/api/translations/xliff",
                        "/api/translations/units/{unitId}/suggestions",
                        "/api/translations/units/{unitId}/decision",
                        "/api/translations/source-only-rules",
                        "/api/translations/source-only-rules/{ruleId}",
                        "/api/translations/units/{unitId}/comments",
                        "/api/translations/units/{unitId}/comments/{commentId}/resolve",
                        "/api/translations/glossary",
                        "/api/translations/glossary/{termId}",
                        "/api/translations/units/{unitId}/glossary");
        OpenApiChecks.checkConventions(docs.body());
    }

    @Test
    void listsDocumentTheirPagingParametersAndInternalParametersStayHidden() {
        Reply docs = client().get(null, "/v3/api-docs");
        String queue = docs.body()
                .path("paths")
                .path("/api/translations/queue")
                .path("get")
                .path("parameters")
                .toString();
        assertThat(queue)
                .contains("\"name\":\"cursor\"", "\"name\":\"limit\"", "\"maximum\":100", "\"name\":\"question\"");
        assertThat(docs.body()
                        .path("paths")
                        .path("/api/translations/units/{unitId}/submit")
                        .path("post")
                        .path("parameters")
                        .toString())
                .contains("Idempotency-Key");
        assertThat(docs.raw()).doesNotContain("\"name\":\"context\"", "\"name\":\"page\"", "traceId");
    }
}
