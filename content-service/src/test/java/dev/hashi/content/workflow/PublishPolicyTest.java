package dev.hashi.content.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An approved translation reaches readers by itself under the {@code auto} policy when its locale is published with
 * nothing else pending; under {@code manual}, or with an editor's change pending, it waits in the ready-to-publish
 * list with what changed.
 */
class PublishPolicyTest extends ContentServiceTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String MINAMATA_EN = "Towards an environmental model city built with residents ~Minamata City~";

    ServiceClient api;
    String id;
    String etag;
    String minamataPath;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        policy(Map.of());
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        JsonNode session = japanese.body().path("fields").path("sessions").get(2);
        minamataPath = "sessions[" + session.path("id").asString() + "].presentations["
                + session.path("presentations").get(0).path("id").asString() + "].title";
        etag = japanese.etag();
        Reply published =
                api.post(Users.EDITOR, "/api/content/entries/" + id + "/locales/en/publish", null, "If-Match", etag);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        Reply japanesePublished = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/ja/publish", null, "If-Match", published.etag());
        assertThat(japanesePublished.status()).as(japanesePublished.raw()).isEqualTo(200);
        etag = japanesePublished.etag();
    }

    void policy(Map<String, String> policy) {
        Reply type = api.get(Users.ADMIN, "/api/content/types/event-page");
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", type.body().path("name").asString());
        definition.put("component", false);
        definition.put("titleField", type.body().path("titleField").asString());
        definition.put("fields", type.body().path("fields"));
        definition.put("publishPolicy", policy);
        Reply defined = api.put(Users.ADMIN, "/api/content/types/event-page", definition, "If-Match", type.etag());
        assertThat(defined.status()).as(defined.raw()).isEqualTo(200);
        assertThat(defined.body().path("publishPolicy").path("en").asString(null))
                .isEqualTo(policy.get("en"));
    }

    void approve(String unit) {
        KafkaProbe.send(EventEnvelope.of(
                new TranslationApproved(
                        unit, id, minamataPath, "ja", "en", Texts.sourceHash(MINAMATA), MINAMATA_EN, "taro", "rev"),
                unit,
                3,
                "trace-" + unit,
                "rev",
                Instant.now()));
    }

    JsonNode entry() {
        return api.get(Users.EDITOR, "/api/content/entries/" + id).body();
    }

    String englishMinamataOnThePage() {
        String slug = entry().path("slugs").path("en").asString();
        JsonNode page = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                .body();
        return page.path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0)
                .path("title")
                .path("value")
                .asString();
    }

    @Test
    void underAutoAnApprovedTranslationIsPublishedWithoutAnEditor() {
        policy(Map.of("en", "auto"));
        approve("u-" + id + "-auto");

        await().atMost(Duration.ofSeconds(20)).until(() -> MINAMATA_EN.equals(englishMinamataOnThePage()));
        JsonNode after = entry();
        assertThat(after.path("workflow").path("en").path("state").asString()).isEqualTo("published");
        assertThat(after.path("workflow").path("en").path("updatedBy").asString())
                .isEqualTo("taro");
        Reply ready = api.get(Users.EDITOR, "/api/content/ready-to-publish?locale=en");
        assertThat(ready.body().path("items").findValuesAsString("entryId")).doesNotContain(id);
    }

    @Test
    void underManualItWaitsInTheReadyToPublishListWithWhatChanged() {
        approve("u-" + id + "-manual");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> entry().path("workflow")
                        .path("en")
                        .path("state")
                        .asString()
                        .equals("draft"));
        assertThat(englishMinamataOnThePage())
                .as("readers still see the published page")
                .isEqualTo(MINAMATA);
        Reply ready = api.get(Users.EDITOR, "/api/content/ready-to-publish?locale=en&limit=100");
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode candidate : ready.body().path("items")) {
            if (candidate.path("entryId").asString().equals(id)) {
                item = candidate;
            }
        }
        assertThat(item).as(ready.raw()).isNotNull();
        assertThat(item.path("changes")).hasSize(1);
        JsonNode change = item.path("changes").get(0);
        assertThat(change.path("path").asString()).isEqualTo(minamataPath);
        assertThat(change.path("change").asString()).isEqualTo("added");
        assertThat(change.path("draft").asString()).isEqualTo(MINAMATA_EN);
        assertThat(change.path("unitId").asString()).isEqualTo("u-" + id + "-manual");
        assertThat(change.path("author").asString()).isEqualTo("taro");
        assertThat(api.get(Users.TRANSLATOR, "/api/content/ready-to-publish?locale=en")
                        .status())
                .isEqualTo(403);
        assertThat(api.get(Users.EDITOR, "/api/content/ready-to-publish?locale=xx-invalid!")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void readyToPublishWalkedToItsEndByCursorFindsEveryWaitingEntryOnce() {
        List<String> waiting = new ArrayList<>();
        for (String name : List.of("Kitakyushu City", "Minamata City", "Surabaya City")) {
            Reply created = api.post(
                    Users.EDITOR, "/api/content/entries", Pages.create("organisation", "en", Map.of("name", name)));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String entry = created.body().path("entryId").asString();
            Reply published = api.post(
                    Users.EDITOR,
                    "/api/content/entries/" + entry + "/locales/en/publish",
                    null,
                    "If-Match",
                    created.etag());
            assertThat(published.status()).as(published.raw()).isEqualTo(200);
            Reply edited = api.patch(
                    Users.EDITOR,
                    "/api/content/entries/" + entry,
                    Pages.patch("en", Map.of("name", name + " Office")),
                    "If-Match",
                    published.etag());
            assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
            waiting.add(entry);
        }

        List<String> ready = Lists.all(api, Users.EDITOR, "/api/content/ready-to-publish?locale=en&limit=1", "entryId");

        assertThat(ready).doesNotHaveDuplicates().containsAll(waiting);
    }

    @Test
    void underAutoAnEditorsPendingChangeKeepsTheLocaleForTheEditor() {
        policy(Map.of("*", "auto"));
        Reply edited = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("venue", "Kitakyushu International Conference Center")),
                "If-Match",
                etag);
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        approve("u-" + id + "-pending");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> entry().path("fields")
                        .path("sessions")
                        .get(2)
                        .path("presentations")
                        .get(0)
                        .path("title")
                        .path("en")
                        .path("value")
                        .asString()
                        .equals(MINAMATA_EN));
        assertThat(entry().path("workflow").path("en").path("state").asString()).isEqualTo("draft");
        assertThat(englishMinamataOnThePage()).isEqualTo(MINAMATA);
    }

    @Test
    void aPolicyIsManualOrAutoPerLocaleTag() {
        Reply type = api.get(Users.ADMIN, "/api/content/types/event-page");
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", type.body().path("name").asString());
        definition.put("titleField", type.body().path("titleField").asString());
        definition.put("fields", type.body().path("fields"));
        definition.put("publishPolicy", Map.of("en", "sometimes", "$where", "auto"));
        Reply refused = api.put(Users.ADMIN, "/api/content/types/event-page", definition, "If-Match", type.etag());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("type.publish-policy-invalid", "type.publish-policy-locale");
    }
}
