package dev.hashi.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivered translations say where they came from: the source locale, the unit they landed from (or that they were
 * typed in the editor), when, and whether the published source changed since; never who translated them.
 */
class DeliveryProvenanceTest extends ContentServiceTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String MINAMATA_EN = "Towards an environmental model city built with residents ~Minamata City~";

    @Autowired
    MongoDatabase database;

    ServiceClient api;
    String topic;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        topic = "provenance-" + System.nanoTime();
        Reply type = api.put(Users.ADMIN, "/api/content/types/" + topic, DeliveryTest.topicType(topic));
        assertThat(type.status()).as(type.raw()).isEqualTo(200);
    }

    String create(String locale, Map<String, Object> fields) {
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create(topic, locale, fields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("entryId").asString();
    }

    void patch(String id, String locale, Map<String, Object> fields) {
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + id);
        Reply patched = api.patch(
                Users.EDITOR, "/api/content/entries/" + id, Pages.patch(locale, fields), "If-Match", current.etag());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
    }

    /** Publishes {@code locale}; returns its slug. */
    String publish(String id, String locale) {
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + id);
        Reply published = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/locales/" + locale + "/publish",
                null,
                "If-Match",
                current.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return published.body().path("slugs").path(locale).asString();
    }

    Reply deliver(String slug, String query) {
        Reply reply = api.get(
                Users.ANONYMOUS,
                "/api/delivery/entries/" + topic + "/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "?" + query);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    /** A topic written in English, its Japanese title typed by an editor, both published; returns its id. */
    String typedTranslation() {
        String id = create("en", Map.of("title", "Kitakyushu Initiative", "date", "2003-10-28"));
        patch(id, "ja", Map.of("title", "北九州イニシアティブ"));
        publish(id, "en");
        publish(id, "ja");
        return id;
    }

    @Test
    void aTranslationLandedFromItsUnitNamesTheSourceLocaleAndTheUnitButNotTheTranslator() {
        String id = create("ja", Map.of("title", MINAMATA, "note", "水俣市の報告"));
        String unit = "u-" + id + "-title";
        Instant before = Instant.now();
        KafkaProbe.send(EventEnvelope.of(
                new TranslationApproved(
                        unit, id, "title", "ja", "en", Texts.sourceHash(MINAMATA), MINAMATA_EN, "taro", "rev"),
                unit,
                1,
                "trace-" + unit,
                "rev",
                Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(Users.EDITOR, "/api/content/entries/" + id)
                        .body()
                        .path("fields")
                        .path("title")
                        .has("en"));
        String slug = publish(id, "ja");
        publish(id, "en");

        Reply english = deliver(slug, "locale=en");

        JsonNode title = english.body().path("fields").path("title");
        assertThat(title.path("value").asString()).isEqualTo(MINAMATA_EN);
        assertThat(title.path("fallback").asBoolean()).isFalse();
        JsonNode translation = title.path("translation");
        assertThat(translation.path("from").asString()).isEqualTo("ja");
        assertThat(translation.path("via").asString()).isEqualTo("translation-unit");
        assertThat(translation.path("unitId").asString()).isEqualTo(unit);
        assertThat(Instant.parse(translation.path("at").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(translation.has("outdated")).isFalse();
        assertThat(english.raw()).as("delivery is anonymous").doesNotContain("taro");
        JsonNode note = english.body().path("fields").path("note");
        assertThat(note.path("fallback").asBoolean()).isTrue();
        assertThat(note.has("translation"))
                .as("a Japanese source value shown as a fallback")
                .isFalse();

        JsonNode japanese = deliver(slug, "locale=ja").body().path("fields");
        assertThat(japanese.path("title").has("translation")).as("the source").isFalse();

        JsonNode all = deliver(slug, "locale=*").body().path("locales");
        assertThat(all.path("en")
                        .path("fields")
                        .path("title")
                        .path("translation")
                        .path("unitId")
                        .asString())
                .isEqualTo(unit);
        assertThat(all.path("ja").path("fields").path("title").has("translation"))
                .isFalse();
    }

    @Test
    void aTranslationTypedIntoTheLocaleShowsItsSourceLocaleWithoutAUnitAlsoWhenInlined() {
        String id = typedTranslation();
        String referring = create("en", Map.of("title", "Sessions", "related", List.of(id)));
        patch(referring, "ja", Map.of("title", "セッション"));
        publish(referring, "en");
        String slug = publish(referring, "ja");

        JsonNode japanese = deliver(slug, "locale=ja").body();

        JsonNode inlined =
                japanese.path("fields").path("related").path("entries").get(0);
        assertThat(inlined.path("entryId").asString()).isEqualTo(id);
        JsonNode translation = inlined.path("fields").path("title").path("translation");
        assertThat(translation.path("from").asString()).isEqualTo("en");
        assertThat(translation.path("via").asString()).isEqualTo("editor");
        assertThat(translation.has("unitId")).isFalse();
        assertThat(translation.has("at")).isTrue();
        assertThat(inlined.path("fields").path("date").has("translation"))
                .as("not localized")
                .isFalse();
        assertThat(japanese.path("fields")
                        .path("title")
                        .path("translation")
                        .path("from")
                        .asString())
                .isEqualTo("en");
        assertThat(japanese.path("fields").path("related").has("translation")).isFalse();
        JsonNode english = deliver(slug, "locale=en").body();
        assertThat(english.path("fields").path("title").has("translation")).isFalse();
    }

    @Test
    void aTranslationIsOutdatedOnceAChangedSourceIsPublishedAndItsETagChanges() {
        String id = typedTranslation();
        String slug = api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path("ja")
                .asString();
        patch(id, "en", Map.of("title", "The Kitakyushu Initiative for a Clean Environment"));
        Reply unchanged = deliver(slug, "locale=ja");
        assertThat(unchanged
                        .body()
                        .path("fields")
                        .path("title")
                        .path("translation")
                        .has("outdated"))
                .as("the changed source is not published yet")
                .isFalse();

        publish(id, "en");
        Reply outdated = deliver(slug, "locale=ja");

        JsonNode title = outdated.body().path("fields").path("title");
        assertThat(title.path("value").asString()).isEqualTo("北九州イニシアティブ");
        assertThat(title.path("translation").path("outdated").asBoolean()).isTrue();
        assertThat(outdated.body().path("version").asLong())
                .as("the Japanese snapshot itself is the same")
                .isEqualTo(unchanged.body().path("version").asLong());
        assertThat(outdated.etag()).isNotNull().isNotEqualTo(unchanged.etag());
    }

    @Test
    void aSnapshotPublishedBeforeOriginsWereKeptIsServedWithoutProvenance() {
        String id = typedTranslation();
        MongoCollection<Document> entries = database.getCollection("entries");
        Document stored = entries.find(Filters.eq("_id", id)).first();
        assertThat(stored).isNotNull();
        Document published = stored.get("published", Document.class);
        int stripped = 0;
        for (String locale : published.keySet()) {
            for (Document value : published.get(locale, Document.class).getList("values", Document.class)) {
                stripped += value.remove("origin") == null ? 0 : 1;
            }
        }
        assertThat(stripped).as("the snapshots keep origins now").isPositive();
        entries.replaceOne(Filters.eq("_id", id), stored);
        String slug = published.get("ja", Document.class).getString("slug");

        Reply japanese = deliver(slug, "locale=ja");

        JsonNode title = japanese.body().path("fields").path("title");
        assertThat(title.path("value").asString()).isEqualTo("北九州イニシアティブ");
        assertThat(title.path("locale").asString()).isEqualTo("ja");
        assertThat(title.has("translation")).isFalse();
    }
}
