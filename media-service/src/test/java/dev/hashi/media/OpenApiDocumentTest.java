package dev.hashi.media;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.OpenApiChecks;
import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends MediaServiceTest {

    @Test
    void everyOperationDocumentsItsSuccessAndItsProblems() {
        Reply reply = api().get(null, "/v3/api-docs");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);

        OpenApiChecks.checkConventions(reply.body());
        assertThat(OpenApiChecks.operations(reply.body()))
                .contains(
                        "POST /api/media/assets",
                        "GET /api/media/assets",
                        "GET /api/media/assets/{id}",
                        "PATCH /api/media/assets/{id}",
                        "DELETE /api/media/assets/{id}",
                        "PUT /api/media/assets/{id}/variants/{locale}",
                        "POST /api/media/assets/{id}/variants/{locale}",
                        "DELETE /api/media/assets/{id}/variants/{locale}",
                        "GET /api/media/assets/{id}/content");
    }

    @Test
    void controllersDocumentTypedBodiesAndThePagingParametersNotTheirPlumbing() {
        JsonNode document = api().get(null, "/v3/api-docs").body();
        JsonNode list = document.path("paths").path("/api/media/assets").path("get");

        assertThat(list.path("parameters").valueStream().map(p -> p.path("name").asString()))
                .containsExactlyInAnyOrder("kind", "availability", "variantLocale", "referenced", "cursor", "limit");
        assertThat(document.path("paths")
                        .path("/api/media/assets")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .endsWith("/AssetCreateRequest");
        assertThat(document.path("components")
                        .path("schemas")
                        .path("AssetCreateRequest")
                        .has("example"))
                .isTrue();
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        assertThat(document.path("paths")
                        .path("/api/media/assets/{id}")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/json"))
                .isTrue();
    }
}
