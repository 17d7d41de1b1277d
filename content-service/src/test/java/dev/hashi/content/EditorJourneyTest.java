package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.content.type.SeedTypes;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentTypeChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor builds the conference page from nothing and every step is announced on the content topic, as read by a
 * plain Kafka consumer.
 */
class EditorJourneyTest extends ContentServiceTest {

    @Test
    void editorBuildsTheConferencePagePublishesEnglishOnlyAndRestoresARevisionWithEveryStepAnnounced() {
        ServiceClient api = api();
        for (SeedTypes.Seed seed : SeedTypes.definitions()) {
            Reply defined = api.put(Users.ADMIN, "/api/content/types/" + seed.key(), seed.definition());
            assertThat(defined.status()).as(defined.raw()).isEqualTo(200);
        }
        List<EventEnvelope<?>> typeEvents = KafkaProbe.read(Topics.CONTENT, "type:event-page", e -> !e.isEmpty());
        assertThat(((ContentTypeChanged) typeEvents.get(0).payload()).localizedFields())
                .contains("title", "summary", "sessions[*].title", "sessions[*].presentations[*].title");

        Reply organisation =
                api.post(Users.EDITOR, "/api/content/entries", Pages.create("organisation", "en", Pages.secretariat()));
        Map<String, Object> page = new java.util.LinkedHashMap<>(Pages.conferencePage());
        page.put("contacts", List.of(organisation.body().path("entryId").asString()));
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", page));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("entryId").asString();
        String createRequest = created.header("X-Request-Id");

        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        Reply published = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/en/publish", null, "If-Match", japanese.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.body().path("workflow").path("ja").path("state").asString())
                .isEqualTo("draft");

        List<JsonNode> history = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions");
        assertThat(history)
                .extracting(item -> item.path("kind").asString())
                .containsExactly("create", "save", "publish");
        assertThat(history.get(1).path("changes").findValuesAsString("locale"))
                .containsOnly("ja")
                .hasSize(5);
        JsonNode diff = api.get(Users.EDITOR, "/api/content/entries/" + id + "/revisions/diff?from=1&to=2")
                .body();
        assertThat(diff.path("changes")).hasSize(5);

        Reply restored = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/revisions/1/restore",
                null,
                "If-Match",
                published.etag());
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        assertThat(restored.etag()).isEqualTo("\"4\"");
        assertThat(restored.body()
                        .path("fields")
                        .path("sessions")
                        .get(2)
                        .path("presentations")
                        .get(0)
                        .has("title"))
                .isFalse();
        assertThat(Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions?limit=3", "kind"))
                .containsExactly("create", "save", "publish", "restore");

        List<EventEnvelope<?>> events = KafkaProbe.read(Topics.CONTENT, id, e -> e.size() >= 4);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "content.entry.changed",
                        "content.entry.changed",
                        "content.entry.published",
                        "content.entry.changed");
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(EventEnvelope::actor).containsOnly("eri");
        assertThat(events.get(0).traceId()).isEqualTo(createRequest);

        ContentEntryChanged create = (ContentEntryChanged) events.get(0).payload();
        assertThat(create.titles()).containsEntry("en", Pages.TITLE);
        FieldValueChange title = create.changes().stream()
                .filter(c -> c.path().equals("title"))
                .findFirst()
                .orElseThrow();
        assertThat(title.write()).isEqualTo(FieldValueChange.WriteKind.SOURCE);
        assertThat(title.originLocale()).isEqualTo("en");
        assertThat(title.sourceHash()).isEqualTo(Texts.sourceHash(Pages.TITLE));

        ContentEntryChanged ja = (ContentEntryChanged) events.get(1).payload();
        assertThat(ja.changes()).hasSize(5).allSatisfy(c -> {
            assertThat(c.locale()).isEqualTo("ja");
            assertThat(c.originLocale()).isEqualTo("ja");
            assertThat(c.write()).isEqualTo(FieldValueChange.WriteKind.SOURCE);
            assertThat(c.path()).matches("sessions\\[s-\\d+]\\.presentations\\[p-\\d+]\\.title");
        });
        assertThat(ja.changes()).extracting(FieldValueChange::text).contains("住民協働の環境モデル都市づくりを目指して~水俣市~");

        ContentEntryPublished en = (ContentEntryPublished) events.get(2).payload();
        assertThat(en.locale()).isEqualTo("en");
        assertThat(en.revision()).isEqualTo(3);

        ContentEntryChanged restore = (ContentEntryChanged) events.get(3).payload();
        assertThat(restore.changes()).hasSize(5).allSatisfy(c -> {
            assertThat(c.removed()).isTrue();
            assertThat(c.text()).isNull();
        });

        Reply delivered = api.get(
                Users.ANONYMOUS,
                "/api/delivery/entries/event-page/"
                        + published.body().path("slugs").path("en").asString() + "?locale=en");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.body().path("version").asLong()).isEqualTo(3);
        assertThat(delivered
                        .body()
                        .path("fields")
                        .path("sessions")
                        .get(2)
                        .path("presentations")
                        .get(0)
                        .path("title")
                        .isMissingNode())
                .as("a Japanese title that only a draft holds is not delivered while Japanese is unpublished")
                .isTrue();
    }
}
