package dev.hashi.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code content.entry.references-changed} tells media-service which assets an entry's draft and its published
 * locales reference, whenever either set changes, as read from the content topic by a plain Kafka consumer.
 */
class ReferencesChangedTest extends ContentServiceTest {

    /** One announcement as the test compares it: version, draft assets, published assets. */
    record Announced(long version, List<String> assetIds, List<String> publishedAssetIds) {}

    @Test
    void everyChangeOfTheReferencedAssetSetsIsAnnouncedSortedWithoutDuplicatesAndNothingElse() {
        seedTypes();
        ServiceClient api = api();
        String declaration = Assets.id("3-declaration");
        String minamata = Assets.id("1-minamata");
        String sendai = Assets.id("2-sendai");
        Assets.send(
                Assets.pending(declaration, 1, "2003-12-01"),
                Assets.available(minamata, 1, 6_500_000, "ja"),
                Assets.available(sendai, 1, 1_940_000, "ja"));

        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "References " + minamata);
        page.put("summary", "Three concurrent sessions.");
        page.put("date", "2003-10-28");
        page.put("declaration", declaration);
        page.put(
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(
                                Map.of("title", "Minamata", "attachments", List.of(sendai, minamata)),
                                Map.of("title", "Minamata again", "attachments", List.of(minamata))))));
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", page));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("entryId").asString();
        String sessionId =
                created.body().path("fields").path("sessions").get(0).path("id").asString();

        Reply textOnly = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("venue", "Kitakyushu International Conference Centre")),
                "If-Match",
                created.etag());
        Map<String, Object> replacing = Pages.patch(
                "en",
                Map.of(
                        "sessions",
                        List.of(Map.of(
                                "id",
                                sessionId,
                                "presentations",
                                List.of(Map.of("title", "Minamata", "attachments", List.of(minamata)))))));
        replacing.put("replaceLists", true);
        Reply withoutSendai =
                api.patch(Users.EDITOR, "/api/content/entries/" + id, replacing, "If-Match", textOnly.etag());
        Reply published = await().atMost(Duration.ofSeconds(20))
                .until(() -> act(api, id, "en", "publish", withoutSendai.etag()), r -> r.status() == 200);
        Reply japanese = act(api, id, "ja", "publish", published.etag());
        Reply englishWithdrawn = act(api, id, "en", "unpublish", japanese.etag());
        Reply japaneseWithdrawn = act(api, id, "ja", "unpublish", englishWithdrawn.etag());
        Reply deleted = api.delete(Users.EDITOR, "/api/content/entries/" + id, "If-Match", japaneseWithdrawn.etag());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);

        List<String> all = List.of(minamata, sendai, declaration);
        List<String> kept = List.of(minamata, declaration);
        assertThat(announcements(id))
                .containsExactly(
                        new Announced(1, all, List.of()),
                        new Announced(3, kept, List.of()),
                        new Announced(4, kept, kept),
                        new Announced(7, kept, List.of()),
                        new Announced(8, List.of(), List.of()));
    }

    @Test
    void restoringARevisionAndArchivingALocaleAreAnnouncedToo() {
        seedTypes();
        ServiceClient api = api();
        String declaration = Assets.id("declaration");
        Assets.send(Assets.pending(declaration, 1, "2003-12-01"));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Restore " + declaration);
        page.put("summary", "A declaration was adopted at the Conference.");
        page.put("date", "2003-10-28");
        page.put("declaration", declaration);
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", page));
        String id = created.body().path("entryId").asString();
        Map<String, Object> withoutDeclaration = new LinkedHashMap<>();
        withoutDeclaration.put("declaration", null);
        Reply removed = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", withoutDeclaration),
                "If-Match",
                created.etag());
        Reply restored = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/revisions/1/restore", null, "If-Match", removed.etag());
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        Reply published = await().atMost(Duration.ofSeconds(20))
                .until(() -> act(api, id, "en", "publish", restored.etag()), r -> r.status() == 200);
        Reply archived = act(api, id, "en", "archive", published.etag());
        assertThat(archived.status()).as(archived.raw()).isEqualTo(200);
        api.delete(Users.EDITOR, "/api/content/entries/" + id, "If-Match", archived.etag());

        List<String> declared = List.of(declaration);
        assertThat(announcements(id))
                .containsExactly(
                        new Announced(1, declared, List.of()),
                        new Announced(2, List.of(), List.of()),
                        new Announced(3, declared, List.of()),
                        new Announced(4, declared, declared),
                        new Announced(5, declared, List.of()),
                        new Announced(6, List.of(), List.of()));
    }

    @Test
    void anEntryWithoutAssetsAnnouncesNothing() {
        seedTypes();
        ServiceClient api = api();
        Reply created =
                api.post(Users.EDITOR, "/api/content/entries", Pages.create("organisation", "en", Pages.secretariat()));
        String id = created.body().path("entryId").asString();
        act(api, id, "en", "publish", created.etag());
        Reply later = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("unit", "Kitakyushu Initiative Network Secretariat (KIN)")),
                "If-Match",
                "\"2\"");
        api.delete(Users.EDITOR, "/api/content/entries/" + id, "If-Match", later.etag());

        List<EventEnvelope<?>> events = KafkaProbe.await(
                Topics.CONTENT, id, e -> e.type().equals("content.entry.deleted"), Duration.ofSeconds(20));
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "content.entry.changed",
                        "content.entry.published",
                        "content.entry.changed",
                        "content.entry.deleted");
    }

    private static Reply act(ServiceClient api, String id, String locale, String action, String etag) {
        return api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/locales/" + locale + "/" + action,
                null,
                "If-Match",
                etag);
    }

    /** The entry's reference announcements, read once its deletion is on the topic. */
    private static List<Announced> announcements(String id) {
        List<EventEnvelope<?>> events = KafkaProbe.await(
                Topics.CONTENT, id, e -> e.type().equals("content.entry.deleted"), Duration.ofSeconds(20));
        List<Announced> announced = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<?> event = events.get(i);
            if (event.payload() instanceof ContentEntryReferencesChanged && i > 0) {
                assertThat(events.get(i - 1).aggregateVersion())
                        .as("the announcement comes first among the events of its version")
                        .isLessThan(event.aggregateVersion());
            }
            if (event.payload() instanceof ContentEntryReferencesChanged change) {
                assertThat(change.entryId()).isEqualTo(id);
                assertThat(change.contentType()).isEqualTo("event-page");
                announced.add(new Announced(event.aggregateVersion(), change.assetIds(), change.publishedAssetIds()));
            }
        }
        return announced;
    }
}
