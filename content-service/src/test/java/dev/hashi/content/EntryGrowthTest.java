package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.events.outbox.Outbox;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry document holds its content and a pointer to its newest revision; the revisions live on their own. */
class EntryGrowthTest extends ContentServiceTest {

    static final int EDITS = 50;
    static final int VALUE_LENGTH = 20_000;
    /** The bound stated for the entry document after the edits: the value itself plus 12 KiB. */
    static final int ENTRY_BOUND = VALUE_LENGTH + 12 * 1024;

    @Autowired
    MongoDatabase database;

    @Test
    void fiftyEditsOfALongValueKeepTheEntryDocumentSmallAndTheHistoryPaged() {
        seedTypes();
        ServiceClient api = api();
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/essay",
                Map.of(
                        "name",
                        "Essay",
                        "titleField",
                        "title",
                        "fields",
                        List.of(
                                Map.of("key", "title", "kind", "text", "localized", true),
                                Map.of("key", "body", "kind", "richtext", "localized", true))));
        assertThat(defined.status()).as(defined.raw()).isIn(200);
        Reply created =
                api.post(Users.EDITOR, "/api/content/entries", Pages.create("essay", "en", Map.of("title", "Growth")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("entryId").asString();
        String etag = created.etag();
        for (int edit = 0; edit < EDITS; edit++) {
            String body =
                    String.valueOf((char) ('a' + edit % 26)).repeat(VALUE_LENGTH - 3) + String.format("%03d", edit);
            Reply saved = api.patch(
                    Users.EDITOR,
                    "/api/content/entries/" + id,
                    Pages.patch("en", Map.of("body", body)),
                    "If-Match",
                    etag);
            assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
            etag = saved.etag();
        }

        Document stored =
                database.getCollection("entries").find(Filters.eq("_id", id)).first();
        Outbox.fields().forEach(stored::remove);
        int size =
                new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
        assertThat(size).as("entry document bytes after %d edits", EDITS).isLessThan(ENTRY_BOUND);
        assertThat(database.getCollection("revisions").countDocuments(Filters.eq("entryId", id)))
                .isEqualTo(EDITS + 1);

        Reply first = api.get(Users.EDITOR, "/api/content/entries/" + id + "/revisions?limit=10");
        assertThat(first.body().path("items")).hasSize(10);
        assertThat(first.body().path("total").asLong()).isEqualTo(EDITS + 1);
        assertThat(first.body().path("next").isString()).isTrue();
        assertThat(first.raw().length())
                .as("a page of summaries carries no values")
                .isLessThan(8 * 1024);
        JsonNode summary = first.body().path("items").get(1);
        assertThat(summary.has("content")).isFalse();
        assertThat(summary.path("changes").get(0).path("path").asString()).isEqualTo("body");
        assertThat(summary.path("changes").get(0).has("after")).isFalse();

        List<String> kinds = Lists.all(api, Users.EDITOR, "/api/content/entries/" + id + "/revisions?limit=7", "kind");
        assertThat(kinds).hasSize(EDITS + 1);
        assertThat(kinds).first().isEqualTo("create");

        JsonNode last = api.get(Users.EDITOR, "/api/content/entries/" + id + "/revisions/" + (EDITS + 1))
                .body();
        assertThat(last.path("changes").get(0).path("after").asString()).endsWith("049");
        assertThat(last.path("content").path("values")).isNotEmpty();
    }
}
