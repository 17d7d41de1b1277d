package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import dev.hashi.content.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input gets its own 4xx problem with a code and the offending value, and stores nothing. */
class BadInputTest extends ContentServiceTest {

    @Autowired
    MongoDatabase database;

    Api api;
    String pageId;
    String etag;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created =
                api.post(Api.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        pageId = created.body().path("id").asString();
        etag = created.etag();
    }

    Reply patch(Map<String, Object> fields, String locale) {
        return api.patch(Api.EDITOR, "/api/content/entries/" + pageId, Pages.patch(locale, fields), "If-Match", etag);
    }

    void assertNothingStored() {
        Reply now = api.get(Api.EDITOR, "/api/content/entries/" + pageId);
        assertThat(now.etag()).isEqualTo(etag);
        assertThat(api.get(Api.EDITOR, "/api/content/entries/" + pageId + "/revisions")
                        .body())
                .hasSize(1);
    }

    @Test
    void unknownTypeIsRejectedWithItsKey() {
        long before = database.getCollection("entries").countDocuments();
        Reply reply =
                api.post(Api.EDITOR, "/api/content/entries", Pages.create("press-release", "en", Map.of("title", "x")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("type.unknown");
        assertThat(reply.body().path("value").asString()).isEqualTo("press-release");
        assertThat(database.getCollection("entries").countDocuments()).isEqualTo(before);
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        Reply reply = patch(Map.of("sessions", List.of(Map.of("speaker", "Vivian Gunnarsson"))), "en");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("entry.field-unknown");
        assertThat(reply.body().path("path").asString()).isEqualTo("sessions[s-13].speaker");
        assertNothingStored();
    }

    @Test
    void wrongFieldKindIsRejectedWithTheExpectedKind() {
        Reply reply = patch(Map.of("date", "28 October 2003"), "en");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("entry.field-kind");
        assertThat(reply.body().path("expected").asString()).isEqualTo("date");
        assertThat(reply.body().path("path").asString()).isEqualTo("date");
        assertNothingStored();
    }

    @Test
    void invalidAndUnsupportedLocalesAreRejectedWithTheValue() {
        Reply invalid = patch(Map.of("venue", "x"), "ja_JP");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("locale.invalid");
        assertThat(invalid.body().path("value").asString()).isEqualTo("ja_JP");
        Reply unsupported = patch(Map.of("venue", "x"), "fr");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.code()).isEqualTo("locale.unsupported");
        assertThat(unsupported.body().path("value").asString()).isEqualTo("fr");
        assertNothingStored();
    }

    @Test
    void overLongValueIsRejectedWithTheLimit() {
        Reply reply = patch(Map.of("title", "長".repeat(301)), "ja");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("entry.value-too-long");
        assertThat(reply.body().path("maxLength").asInt()).isEqualTo(300);
        assertThat(reply.body().path("length").asInt()).isEqualTo(301);
        assertNothingStored();
    }

    @Test
    void malformedJsonIsRejected() {
        Reply reply = api.patch(
                Api.EDITOR, "/api/content/entries/" + pageId, "{\"locale\": \"en\", \"fields\": {", "If-Match", etag);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).as(reply.raw()).isEqualTo("request.malformed");
        assertNothingStored();
    }

    @Test
    void referenceToAMissingEntryIsRejected() {
        Reply reply = patch(Map.of("organiser", "e-0000000000000000"), "en");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("entry.reference-missing");
        assertThat(reply.body().path("value").asString()).isEqualTo("e-0000000000000000");
        assertNothingStored();
    }

    @Test
    void referenceToAnEntryOfAnotherTypeIsRejected() {
        Reply reply = patch(Map.of("organiser", pageId), "en");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("entry.reference-type");
        assertNothingStored();
    }

    @Test
    void slugClashIsAConflictNamingTheSlug() {
        api.post(
                Api.EDITOR,
                "/api/content/entries",
                Map.of(
                        "type",
                        "event-page",
                        "locale",
                        "en",
                        "slug",
                        "wpc-2003",
                        "fields",
                        Map.of("title", "Another conference")));
        Reply reply = api.patch(
                Api.EDITOR,
                "/api/content/entries/" + pageId,
                Map.of("locale", "en", "slug", "wpc-2003", "fields", Map.of()),
                "If-Match",
                etag);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("slug.taken");
        assertThat(reply.body().path("value").asString()).isEqualTo("wpc-2003");
        assertThat(reply.body().path("locale").asString()).isEqualTo("en");
        assertNothingStored();
    }

    @Test
    void invalidSlugIsRejected() {
        Reply reply = api.patch(
                Api.EDITOR,
                "/api/content/entries/" + pageId,
                Map.of("locale", "en", "slug", "WPC 2003", "fields", Map.of()),
                "If-Match",
                etag);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("slug.invalid");
        assertThat(reply.body().path("value").asString()).isEqualTo("WPC 2003");
        assertNothingStored();
    }

    @Test
    void writeWithoutIfMatchIsPreconditionRequired() {
        Reply reply = api.patch(Api.EDITOR, "/api/content/entries/" + pageId, Pages.patch("en", Map.of("venue", "x")));
        assertThat(reply.status()).isEqualTo(428);
        assertThat(reply.code()).isEqualTo("entry.if-match-required");
        assertNothingStored();
    }

    @Test
    void staleIfMatchIsPreconditionFailedWithTheCurrentVersion() {
        Reply reply = api.patch(
                Api.EDITOR,
                "/api/content/entries/" + pageId,
                Pages.patch("en", Map.of("venue", "x")),
                "If-Match",
                "\"0\"");
        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.code()).isEqualTo("entry.version-conflict");
        assertThat(reply.body().path("currentVersion").asLong()).isEqualTo(1);
        assertNothingStored();
    }

    @Test
    void oversizedBodyIsRejectedBeforeItIsRead() {
        Reply reply = patch(Map.of("summary", "x".repeat(1_100_000)), "en");
        assertThat(reply.status()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void unknownListItemIsRejected() {
        Reply reply = patch(Map.of("sessions", List.of(Map.of("id", "s-999"))), "en");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("entry.item-unknown");
        assertNothingStored();
    }
}
