package dev.hashi.media;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.identity.Identity;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.ADMIN;
import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.READER;
import static dev.hashi.media.ConferenceAssets.fukuokaPresentation;
import static dev.hashi.media.ConferenceAssets.text;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Assets without a downloadable body answer what to show instead; published assets are readable by anyone. */
class AvailabilityAndAccessTest extends MediaServiceTest {

    static final Identity ANONYMOUS = Identity.anonymous();

    @Test
    void anAssetOnRequestAnswersTheContactTextInTheCallersLocaleAndTheContactEntry() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fukuokaPresentation());
        body.put(
                "availability",
                Map.of(
                        "state", "on_request",
                        "contactText",
                                Map.of(
                                        "en", text("Too large for download; please contact the Secretariat."),
                                        "ja", text("ファイルが大きいため、事務局にお問い合わせください。")),
                        "contactEntryId", "e-secretariat"));
        String id = api().post(EDITOR, "/api/media/assets", body)
                .body()
                .path("assetId")
                .asString();

        HttpResponse<byte[]> japanese =
                transfers().fetch(EDITOR, "GET", "/api/media/assets/" + id + "/content", "Accept-Language", "ja");
        JsonNode problem =
                VariantDownloadTest.json(new String(japanese.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(japanese.statusCode()).isEqualTo(409);
        assertThat(problem.path("code").asString()).isEqualTo("media.on-request");
        assertThat(problem.path("contactText").asString()).isEqualTo("ファイルが大きいため、事務局にお問い合わせください。");
        assertThat(problem.path("contactTextLocale").asString()).isEqualTo("ja");
        assertThat(problem.path("contactEntryId").asString()).isEqualTo("e-secretariat");
        assertThat(problem.path("contactTexts").path("en").asString()).startsWith("Too large");

        HttpResponse<byte[]> english =
                transfers().fetch(EDITOR, "GET", "/api/media/assets/" + id + "/content?locale=en");
        assertThat(VariantDownloadTest.json(new String(english.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .path("contactText")
                        .asString())
                .startsWith("Too large");
    }

    @Test
    void aPendingAssetAnswersItsExpectedDate() {
        Reply created = api().post(
                        EDITOR,
                        "/api/media/assets",
                        Map.of(
                                "kind", "document",
                                "title", Map.of("en", text("Kitakyushu Declaration")),
                                "availability", Map.of("state", "pending", "expectedAt", "2003-11-30")));
        String id = created.body().path("assetId").asString();

        HttpResponse<byte[]> reply = transfers().fetch(EDITOR, "GET", "/api/media/assets/" + id + "/content");

        assertThat(reply.statusCode()).isEqualTo(409);
        JsonNode problem = VariantDownloadTest.json(new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.path("code").asString()).isEqualTo("media.pending");
        assertThat(problem.path("expectedDate").asString()).isEqualTo("2003-11-30");
    }

    @Test
    void anAssetBecomesReadableByAnyoneOnceAPublishedEntryReferencesItAndNotBefore() {
        byte[] bytes = Transfers.pdf(50_000, 21);
        String id = api().post(EDITOR, "/api/media/assets", titled("presentation", "Surabaya"))
                .body()
                .path("assetId")
                .asString();
        transfers().put(EDITOR, "/api/media/assets/" + id + "/variants/en", bytes, "application/pdf");
        String content = "/api/media/assets/" + id + "/content";

        assertThat(transfers().fetch(ANONYMOUS, "GET", content).statusCode()).isEqualTo(404);
        assertThat(api().get(READER, "/api/media/assets/" + id).status()).isEqualTo(404);

        String entry = "e-" + UUID.randomUUID();
        references(entry, 1, List.of(id), List.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get(EDITOR, "/api/media/assets/" + id)
                        .body()
                        .path("referenced")
                        .asBoolean());
        assertThat(transfers().fetch(ANONYMOUS, "GET", content).statusCode())
                .as("a draft reference does not publish")
                .isEqualTo(404);

        references(entry, 2, List.of(id), List.of(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transfers().fetch(ANONYMOUS, "GET", content).statusCode() == 200);
        assertThat(transfers().fetch(ANONYMOUS, "GET", content).body()).isEqualTo(bytes);
        assertThat(api().get(ANONYMOUS, "/api/media/assets/" + id).status()).isEqualTo(200);

        references(entry, 3, List.of(), List.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transfers().fetch(ANONYMOUS, "GET", content).statusCode() == 404);
    }

    @Test
    void deletingAnAssetPublishedContentReferencesIsRefusedUnlessAnAdminForcesIt() {
        String id = api().post(EDITOR, "/api/media/assets", titled("presentation", "Minamata"))
                .body()
                .path("assetId")
                .asString();
        String page = "e-" + UUID.randomUUID();
        String session = "e-" + UUID.randomUUID();
        references(page, 4, List.of(id), List.of(id));
        references(session, 7, List.of(id), List.of(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get(EDITOR, "/api/media/assets/" + id)
                                .body()
                                .path("referenced")
                                .asBoolean()
                        && transfers()
                                        .fetch(ANONYMOUS, "GET", "/api/media/assets/" + id)
                                        .statusCode()
                                != 404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply refused = api().delete(EDITOR, "/api/media/assets/" + id, "If-Match", "\"1\"");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("asset.referenced");
            assertThat(refused.body().path("entryIds").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder(page, session);
        });

        Reply editorForcing = api().delete(EDITOR, "/api/media/assets/" + id + "?force=true", "If-Match", "\"1\"");
        assertThat(editorForcing.status()).isEqualTo(403);

        Reply forced = api().delete(ADMIN, "/api/media/assets/" + id + "?force=true", "If-Match", "\"1\"");
        assertThat(forced.status()).as(forced.raw()).isEqualTo(204);
        assertThat(api().get(EDITOR, "/api/media/assets/" + id).status()).isEqualTo(404);
    }

    @Test
    void theListFiltersByVariantLocaleAndByWhetherContentReferencesTheAsset() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String japanese = api().post(EDITOR, "/api/media/assets", titled("video", "ja only " + marker))
                .body()
                .path("assetId")
                .asString();
        transfers()
                .put(
                        EDITOR,
                        "/api/media/assets/" + japanese + "/variants/ja",
                        Transfers.pdf(20_000, 31),
                        "application/pdf");
        String referenced = api().post(EDITOR, "/api/media/assets", titled("video", "referenced " + marker))
                .body()
                .path("assetId")
                .asString();
        references("e-" + UUID.randomUUID(), 1, List.of(referenced), List.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get(EDITOR, "/api/media/assets/" + referenced)
                        .body()
                        .path("referenced")
                        .asBoolean());

        List<String> withJa = ids(api().get(EDITOR, "/api/media/assets?kind=video&variantLocale=ja&limit=100"));
        assertThat(withJa).contains(japanese).doesNotContain(referenced);
        List<String> referencedOnes = ids(api().get(EDITOR, "/api/media/assets?referenced=true&limit=100"));
        assertThat(referencedOnes).contains(referenced).doesNotContain(japanese);
        List<String> unreferenced = ids(api().get(EDITOR, "/api/media/assets?referenced=false&limit=100"));
        assertThat(unreferenced).contains(japanese).doesNotContain(referenced);

        Reply wrong = api().get(EDITOR, "/api/media/assets?referenced=maybe");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").get(0).path("field").asString()).isEqualTo("referenced");
        assertThat(api().get(EDITOR, "/api/media/assets?variantLocale=fr").status())
                .isEqualTo(400);
    }

    private static List<String> ids(Reply page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page.body()
                .path("items")
                .valueStream()
                .map(item -> item.path("assetId").asString())
                .toList();
    }

    private static void references(String entryId, long version, List<String> draft, List<String> published) {
        KafkaProbe.send(EventEnvelope.of(
                new ContentEntryReferencesChanged(entryId, "presentation", draft, published),
                entryId,
                version,
                "trace-" + entryId,
                "eri",
                Instant.now()));
    }
}
