package dev.hashi.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Approved translations arriving on the translation topic land in their target locale. */
class TranslationLandingTest extends ContentServiceTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String MINAMATA_EN = "Towards an environmental model city built with residents ~Minamata City~";

    ServiceClient api;
    String id;
    String minamataPath;
    String sendaiPath;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
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
        String prefix = "sessions[" + session.path("id").asString() + "].presentations[";
        minamataPath = prefix + session.path("presentations").get(0).path("id").asString() + "].title";
        sendaiPath = prefix + session.path("presentations").get(3).path("id").asString() + "].title";
    }

    EventEnvelope<TranslationApproved> approval(String unit, long version, String path, String hash, String text) {
        return EventEnvelope.of(
                new TranslationApproved(unit, id, path, "ja", "en", hash, text, "taro", "rev"),
                unit,
                version,
                "trace-" + unit,
                "rev",
                Instant.now());
    }

    JsonNode entry() {
        return api.get(Users.EDITOR, "/api/content/entries/" + id).body();
    }

    @Test
    void approvedTranslationLandsAsADraftWithProvenanceAndIsAnnouncedAsATranslationWrite() {
        String unit = "u-" + id + "-minamata";
        KafkaProbe.send(approval(unit, 3, minamataPath, Texts.sourceHash(MINAMATA), MINAMATA_EN));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> entry().path("version").asLong() == 3);
        JsonNode title = entry().path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0)
                .path("title");
        assertThat(title.path("en").path("value").asString()).isEqualTo(MINAMATA_EN);
        assertThat(title.path("en").path("originLocale").asString()).isEqualTo("ja");
        assertThat(title.path("en").path("unitId").asString()).isEqualTo(unit);
        assertThat(title.path("en").path("updatedBy").asString()).isEqualTo("taro");
        assertThat(title.path("en").path("sourceHash").asString()).isEqualTo(Texts.sourceHash(MINAMATA));
        assertThat(entry().path("workflow").path("en").path("state").asString()).isEqualTo("draft");

        List<EventEnvelope<?>> events = KafkaProbe.read(Topics.CONTENT, id, e -> e.size() >= 3);
        ContentEntryChanged landed = (ContentEntryChanged) events.get(2).payload();
        FieldValueChange change = landed.changes().get(0);
        assertThat(change.write()).isEqualTo(FieldValueChange.WriteKind.TRANSLATION);
        assertThat(change.translationUnitId()).isEqualTo(unit);
        assertThat(change.originLocale()).isEqualTo("ja");
        assertThat(change.locale()).isEqualTo("en");
        assertThat(events.get(2).aggregateVersion()).isEqualTo(3);
        assertThat(events.get(2).actor()).isEqualTo("taro");
        assertThat(events.get(2).traceId()).as("the approval's trace continues").isEqualTo("trace-" + unit);
    }

    @Test
    void redeliveredApprovalLandsOnce() {
        String unit = "u-" + id + "-again";
        EventEnvelope<TranslationApproved> approval =
                approval(unit, 3, minamataPath, Texts.sourceHash(MINAMATA), MINAMATA_EN);
        KafkaProbe.send(approval);
        KafkaProbe.send(approval);
        KafkaProbe.send(approval(unit, 4, minamataPath, Texts.sourceHash(MINAMATA), MINAMATA_EN));
        String marker = "u-" + id + "-marker";
        KafkaProbe.send(approval(
                marker,
                1,
                sendaiPath,
                Texts.sourceHash("仙台市地球温暖化対策推進協議会について"),
                "About the Sendai City council for global warming countermeasures"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> entry().path("version").asLong() == 4);
        assertThat(Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions", "kind"))
                .containsExactly("create", "save", "translation", "translation");
    }

    @Test
    void translationOfAChangedSourceIsNotLanded() {
        String unit = "u-" + id + "-stale";
        KafkaProbe.send(approval(unit, 1, minamataPath, Texts.sourceHash("an older source text"), MINAMATA_EN));
        String marker = "u-" + id + "-marker2";
        KafkaProbe.send(approval(
                marker,
                1,
                sendaiPath,
                Texts.sourceHash("仙台市地球温暖化対策推進協議会について"),
                "About the Sendai City council for global warming countermeasures"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> entry().path("version").asLong() == 3);
        JsonNode minamata = entry().path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0)
                .path("title");
        assertThat(minamata.has("en")).isFalse();
    }
}
