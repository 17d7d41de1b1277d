package dev.hashi.content;

import java.time.Duration;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What one write may produce is bounded: items per list, characters per value, values per entry. */
class InputLimitsTest extends ContentServiceTest {

    @Autowired
    MongoDatabase database;

    ServiceClient api;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
    }

    static JsonNode onlyError(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.body().path("errors")).as(reply.raw()).hasSize(1);
        return reply.body().path("errors").get(0);
    }

    @Test
    void eightThousandSessionsAreRefusedNamingTheListAndItsCap() {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            sessions.add(Map.of("title", "S" + i));
        }
        long entriesBefore = database.getCollection("entries").countDocuments();
        long revisionsBefore = database.getCollection("revisions").countDocuments();

        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("event-page", "en", Map.of("title", "Too many sessions", "sessions", sessions)));

        JsonNode error = onlyError(reply);
        assertThat(error.path("field").asString()).isEqualTo("fields.sessions");
        assertThat(error.path("code").asString()).isEqualTo("entry.items-too-many");
        assertThat(error.path("message").asString()).contains("8000").contains("200");
        assertThat(database.getCollection("entries").countDocuments()).isEqualTo(entriesBefore);
        assertThat(database.getCollection("revisions").countDocuments()).isEqualTo(revisionsBefore);
    }

    @Test
    void aValueOverTheGlobalLengthIsRefusedWithItsPath() {
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/long-note",
                Map.of(
                        "name",
                        "Note",
                        "fields",
                        List.of(Map.of("key", "body", "kind", "richtext", "localized", true))));
        assertThat(defined.status()).as(defined.raw()).isIn(200);
        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("long-note", "en", Map.of("body", "x".repeat(100_001))));

        JsonNode error = onlyError(reply);
        assertThat(error.path("field").asString()).isEqualTo("fields.body");
        assertThat(error.path("code").asString()).isEqualTo("entry.value-too-long");
        assertThat(error.path("message").asString()).contains("100000");
    }

    @Test
    void aNestedListOverItsCapIsRefusedWithItsItemPath() {
        List<Map<String, Object>> presentations = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            presentations.add(Map.of("title", "P" + i));
        }
        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(
                        "event-page",
                        "en",
                        Map.of("title", "Nested", "sessions", List.of(Map.of("presentations", presentations)))));

        JsonNode error = onlyError(reply);
        assertThat(error.path("field").asString()).isEqualTo("fields.sessions[s-1].presentations");
        assertThat(error.path("code").asString()).isEqualTo("entry.items-too-many");
    }

    @Test
    void aTypeMayLowerTheItemCapOfAList() {
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/short-agenda",
                Map.of(
                        "name",
                        "Short agenda",
                        "fields",
                        List.of(
                                Map.of("key", "title", "kind", "text"),
                                Map.of(
                                        "key",
                                        "sessions",
                                        "kind",
                                        "components",
                                        "componentType",
                                        "session",
                                        "maxItems",
                                        2))));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(200);
        assertThat(defined.body().path("fields").get(1).path("maxItems").asInt())
                .isEqualTo(2);

        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(
                        "short-agenda",
                        "en",
                        Map.of(
                                "title",
                                "Agenda",
                                "sessions",
                                List.of(Map.of("title", "a"), Map.of("title", "b"), Map.of("title", "c")))));
        JsonNode error = onlyError(reply);
        assertThat(error.path("field").asString()).isEqualTo("fields.sessions");
        assertThat(error.path("code").asString()).isEqualTo("entry.items-too-many");
    }

    @Test
    void anItemCapAboveTheHardMaximumIsRefusedAtDefinitionTime() {
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/huge-agenda",
                Map.of(
                        "name",
                        "Huge agenda",
                        "fields",
                        List.of(Map.of(
                                "key",
                                "sessions",
                                "kind",
                                "components",
                                "componentType",
                                "session",
                                "maxItems",
                                1_000_000))));
        JsonNode error = onlyError(defined);
        assertThat(error.path("field").asString()).isEqualTo("fields[0].maxItems");
        assertThat(error.path("code").asString()).isEqualTo("type.field-max-items");
    }

    @Test
    void aFieldPatternThatWouldBacktrackForeverAnswersQuicklyWithAProblem() {
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/code-list",
                Map.of(
                        "name",
                        "Code list",
                        "fields",
                        List.of(Map.of("key", "code", "kind", "text", "pattern", ".*a".repeat(12) + "b"))));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(200);

        Reply reply = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> api.post(
                        Users.EDITOR,
                        "/api/content/entries",
                        Pages.create("code-list", "en", Map.of("code", "a".repeat(60)))));

        JsonNode error = onlyError(reply);
        assertThat(error.path("field").asString()).isEqualTo("fields.code");
        assertThat(error.path("code").asString()).isEqualTo("entry.value-pattern-slow");
    }

    @Test
    void aNestedRepetitionInAFieldPatternIsRefusedWhenTheTypeIsDefined() {
        Reply defined = api.put(
                Users.ADMIN,
                "/api/content/types/word-list",
                Map.of(
                        "name",
                        "Word list",
                        "fields",
                        List.of(Map.of("key", "words", "kind", "text", "pattern", "(\\w+\\s?)*"))));
        JsonNode error = onlyError(defined);
        assertThat(error.path("field").asString()).isEqualTo("fields[0].pattern");
        assertThat(error.path("code").asString()).isEqualTo("type.field-pattern-nested");
    }
}
