package dev.hashi.media;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.READER;
import static dev.hashi.media.ConferenceAssets.fukuokaPresentation;
import static dev.hashi.media.ConferenceAssets.text;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal is a problem with the catalogue's code, and changes nothing. */
class AssetProblemsTest extends MediaServiceTest {

    @Test
    void anUnsupportedLocaleIsInvalidInputNamingTheFieldAndTheValue() {
        Reply reply = api().post(
                        EDITOR,
                        "/api/media/assets",
                        Map.of("kind", "image", "title", Map.of("fr", text("Baie de Minamata"))));

        assertProblem(reply, 400, "request.invalid");
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("title");
        assertThat(error.path("code").asString()).isEqualTo("locale.unsupported");
        assertThat(error.path("value").asString()).isEqualTo("fr");
    }

    @Test
    void anInvalidOriginOrKindOrAvailabilityIsReportedTogether() {
        Reply reply = api().post(
                        EDITOR,
                        "/api/media/assets",
                        Map.of(
                                "kind", "slides",
                                "title", Map.of("ja", Map.of("text", "水俣", "origin", "not a tag!")),
                                "availability", Map.of("state", "on_request")));

        assertProblem(reply, 400, "request.invalid");
        assertThat(reply.body()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("kind", "title.ja.origin", "availability.contactText");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        Reply reply = api().post(EDITOR, "/api/media/assets", "{\"kind\": \"image\", \"title\": ");

        assertProblem(reply, 400, "request.malformed");
    }

    @Test
    void aMissingTitleIsInvalidInput() {
        Reply reply = api().post(EDITOR, "/api/media/assets", Map.of("kind", "image"));

        assertProblem(reply, 400, "request.invalid");
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(reply.body().path("errors").get(0).path("code").asString()).isEqualTo("required");
    }

    @Test
    void anUnknownIdIsAssetNotFound() {
        Reply reply = api().get(EDITOR, "/api/media/assets/a-missing");

        assertProblem(reply, 404, "asset.not-found");
        assertThat(reply.body().path("resource").asString()).isEqualTo("asset");
        assertThat(reply.body().path("id").asString()).isEqualTo("a-missing");
        assertProblem(
                api().patch(EDITOR, "/api/media/assets/a-missing", Map.of(), "If-Match", "\"1\""),
                404,
                "asset.not-found");
    }

    @Test
    void anonymousCallersAndReadersAreToldAnUnpublishedAssetDoesNotExist() {
        String path = "/api/media/assets/"
                + api().post(EDITOR, "/api/media/assets", fukuokaPresentation())
                        .body()
                        .path("assetId")
                        .asString();

        assertProblem(api().get(dev.hashi.identity.Identity.anonymous(), path), 404, "asset.not-found");
        assertProblem(api().get(READER, path), 404, "asset.not-found");
    }

    @Test
    void anonymousWritesNeedSignInAndReadersAreForbidden() {
        Reply anonymous =
                api().post(dev.hashi.identity.Identity.anonymous(), "/api/media/assets", titled("image", "x"));
        assertProblem(anonymous, 401, "auth.required");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

        Reply reader = api().post(READER, "/api/media/assets", titled("image", "x"));
        assertProblem(reader, 403, "auth.forbidden");
        assertThat(reader.body().path("reason").asString()).isEqualTo("role");
        assertThat(reader.body().path("requiredRoles").valueStream().map(JsonNode::asString))
                .containsExactly("editor", "admin");

        assertProblem(api().get(READER, "/api/media/assets"), 403, "auth.forbidden");
    }

    @Test
    void pagingInputOutOfRangeOrNotIssuedIsInvalid() {
        Reply limit = api().get(EDITOR, "/api/media/assets?limit=101");
        assertProblem(limit, 400, "request.invalid");
        assertThat(limit.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(limit.body().path("errors").get(0).path("code").asString()).isEqualTo("range");

        Reply cursor = api().get(EDITOR, "/api/media/assets?cursor=bm90LWEtY3Vyc29y");
        assertProblem(cursor, 400, "request.invalid");
        assertThat(cursor.body().path("errors").get(0).path("field").asString()).isEqualTo("cursor");

        Reply kind = api().get(EDITOR, "/api/media/assets?kind=slides");
        assertProblem(kind, 400, "request.invalid");
        assertThat(kind.body().path("errors").get(0).path("field").asString()).isEqualTo("kind");
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("title").asString()).isNotBlank();
        assertThat(reply.body().path("requestId").asString()).isNotBlank();
        assertThat(reply.body().has("type")).isFalse();
    }
}
