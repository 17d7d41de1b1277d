package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input gets its own 4xx problem with a code and the offending value, and stores nothing. */
class BadInputTest extends ContentServiceTest {

    @Autowired
    MongoDatabase database;

    ServiceClient api;
    String pageId;
    String etag;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        pageId = created.body().path("entryId").asString();
        etag = created.etag();
    }

    Reply patch(Map<String, Object> fields, String locale) {
        return api.patch(Users.EDITOR, "/api/content/entries/" + pageId, Pages.patch(locale, fields), "If-Match", etag);
    }

    void assertNothingStored() {
        Reply now = api.get(Users.EDITOR, "/api/content/entries/" + pageId);
        assertThat(now.etag()).isEqualTo(etag);
        assertThat(api.get(Users.EDITOR, "/api/content/entries/" + pageId + "/revisions")
                        .body()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    /** A {@code request.invalid} whose only error names {@code field}, {@code code} and (unless null) {@code value}. */
    static void assertInvalid(Reply reply, String field, String code, String value) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(reply.body().path("errors")).as(reply.raw()).hasSize(1);
        assertThat(error.path("field").asString()).isEqualTo(field);
        assertThat(error.path("code").asString()).isEqualTo(code);
        if (value != null) {
            assertThat(error.path("value").asString()).isEqualTo(value);
        }
    }

    @Test
    void malformedIfMatchIsAnInvalidHeader() {
        Reply reply = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + pageId,
                Pages.patch("en", Map.of("venue", "x")),
                "If-Match",
                "\"one\"");
        assertInvalid(reply, "If-Match", "format", "\"one\"");
        assertNothingStored();
    }

    @Test
    void outOfRangeLimitAndForeignCursorAreInvalidNeverClamped() {
        assertInvalid(api.get(Users.EDITOR, "/api/content/entries?limit=101"), "limit", "range", "101");
        assertInvalid(api.get(Users.EDITOR, "/api/content/entries?limit=0"), "limit", "range", "0");
        assertInvalid(api.get(Users.TRANSLATOR, "/api/content/snapshot?limit=501"), "limit", "range", "501");
        assertThat(api.get(Users.TRANSLATOR, "/api/content/snapshot?limit=500").status())
                .isEqualTo(200);
        assertInvalid(api.get(Users.EDITOR, "/api/content/entries?cursor=%E5%8C%97"), "cursor", "format", null);
    }

    @Test
    void unknownWorkflowStateFilterIsInvalid() {
        assertInvalid(
                api.get(Users.EDITOR, "/api/content/entries?state=reviewing"),
                "state",
                "workflow.state-unknown",
                "reviewing");
    }

    @Test
    void unknownTypeIsRejectedWithItsKey() {
        long before = database.getCollection("entries").countDocuments();
        Reply reply = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("press-release", "en", Map.of("title", "x")));
        assertThat(reply.status()).isEqualTo(400);
        assertInvalid(reply, "type", "type.unknown", "press-release");
        assertThat(database.getCollection("entries").countDocuments()).isEqualTo(before);
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        Reply reply = patch(Map.of("sessions", List.of(Map.of("speaker", "Vivian Gunnarsson"))), "en");
        assertInvalid(reply, "fields.sessions[s-13].speaker", "entry.field-unknown", null);
        assertNothingStored();
    }

    @Test
    void wrongFieldKindIsRejectedWithTheExpectedKind() {
        Reply reply = patch(Map.of("date", "28 October 2003"), "en");
        assertInvalid(reply, "fields.date", "kind.mismatch", "28 October 2003");
        assertNothingStored();
    }

    @Test
    void invalidAndUnsupportedLocalesAreRejectedWithTheValue() {
        Reply invalid = patch(Map.of("venue", "x"), "ja_JP");
        assertInvalid(invalid, "locale", "locale.invalid", "ja_JP");
        Reply unsupported = patch(Map.of("venue", "x"), "fr");
        assertInvalid(unsupported, "locale", "locale.unsupported", "fr");
        assertNothingStored();
    }

    @Test
    void overLongValueIsRejectedWithTheLimit() {
        Reply reply = patch(Map.of("title", "長".repeat(301)), "ja");
        assertInvalid(reply, "fields.title", "entry.value-too-long", null);
        assertThat(reply.body().path("errors").get(0).path("message").asString())
                .contains("301")
                .contains("300");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsRejected() {
        Reply reply = api.patch(
                Users.EDITOR, "/api/content/entries/" + pageId, "{\"locale\": \"en\", \"fields\": {", "If-Match", etag);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).as(reply.raw()).isEqualTo("request.malformed");
        assertNothingStored();
    }

    @Test
    void referenceToAMissingEntryIsRejected() {
        Reply reply = patch(Map.of("organisers", List.of("e-0000000000000000")), "en");
        assertInvalid(reply, "fields.organisers", "entry.reference-missing", "e-0000000000000000");
        assertNothingStored();
    }

    @Test
    void referenceToAnEntryOfAnotherTypeIsRejected() {
        Reply reply = patch(Map.of("organisers", List.of(pageId)), "en");
        assertInvalid(reply, "fields.organisers", "entry.reference-type", pageId);
        assertNothingStored();
    }

    @Test
    void referenceListNamingAnEntryTwiceIsRejected() {
        Reply reply = patch(Map.of("organisers", List.of("e-0000000000000001", "e-0000000000000001")), "en");
        assertInvalid(reply, "fields.organisers", "entry.reference-duplicate", "e-0000000000000001");
        assertNothingStored();
    }

    @Test
    void referenceListGivenAsOneIdIsAKindMismatch() {
        Reply reply = patch(Map.of("organisers", "e-0000000000000001"), "en");
        assertInvalid(reply, "fields.organisers", "kind.mismatch", "e-0000000000000001");
        assertNothingStored();
    }

    @Test
    void slugClashIsAConflictNamingTheSlug() {
        api.post(
                Users.EDITOR,
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
                Users.EDITOR,
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
                Users.EDITOR,
                "/api/content/entries/" + pageId,
                Map.of("locale", "en", "slug", "WPC 2003", "fields", Map.of()),
                "If-Match",
                etag);
        assertInvalid(reply, "slug", "slug.invalid", "WPC 2003");
        assertNothingStored();
    }

    @Test
    void writeWithoutIfMatchIsPreconditionRequired() {
        Reply reply =
                api.patch(Users.EDITOR, "/api/content/entries/" + pageId, Pages.patch("en", Map.of("venue", "x")));
        assertThat(reply.status()).isEqualTo(428);
        assertThat(reply.code()).isEqualTo("version.required");
        assertThat(reply.body().path("resource").asString()).isEqualTo("entry");
        assertNothingStored();
    }

    @Test
    void staleIfMatchIsPreconditionFailedWithTheCurrentVersion() {
        Reply reply = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + pageId,
                Pages.patch("en", Map.of("venue", "x")),
                "If-Match",
                "\"0\"");
        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.code()).isEqualTo("version.conflict");
        assertThat(reply.body().path("resource").asString()).isEqualTo("entry");
        assertThat(reply.body().path("id").asString()).isEqualTo(pageId);
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
        assertInvalid(reply, "fields.sessions", "entry.item-unknown", "s-999");
        assertNothingStored();
    }
}
