package dev.hashi.content;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.OpenApiChecks;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform conventions, proved on the running service: paging, idempotent creates, the API description. */
class ConventionsTest extends ContentServiceTest {

    @Autowired
    MongoDatabase database;

    ServiceClient api;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
    }

    String createOrganisation(String locale, String name) {
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("organisation", locale, Map.of("name", name)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("entryId").asString();
    }

    @Test
    void entriesListWalkedToItsEndByCursorFindsEveryEntryOnceAndCountsThem() {
        Set<String> created = new HashSet<>();
        created.add(createOrganisation("ja", "北九州市環境局"));
        created.add(createOrganisation("en", "Kitakyushu Initiative Network Secretariat"));
        created.add(createOrganisation("ja", "ｷﾀｷｭｳｼｭｳ国際交流協会"));
        created.add(createOrganisation("en", "Institute for Global Environmental Strategies"));
        created.add(createOrganisation("ja", "富川市環境政策課"));

        Reply first = api.get(Users.EDITOR, "/api/content/entries?type=organisation&limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("items")).hasSize(2);
        assertThat(first.header("Link"))
                .startsWith("</api/content/entries?type=organisation&limit=2&cursor=")
                .endsWith(">; rel=\"next\"");
        long total = first.body().path("total").asLong();

        List<JsonNode> all = Lists.all(api, Users.EDITOR, "/api/content/entries?type=organisation&limit=2");
        List<String> ids =
                all.stream().map(item -> item.path("entryId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsAll(created).hasSize((int) total);
        assertThat(ids).isSorted();
        assertThat(all).extracting(item -> item.path("type").asString()).containsOnly("organisation");
    }

    @Test
    void snapshotWalkedByCursorFindsEveryEntryOnceAndTheOldAfterParameterStillPages() {
        createOrganisation("ja", "仙台市環境局");
        createOrganisation("en", "Sendai City Council");
        for (int i = 0; i < 5; i++) {
            createOrganisation("ja", "北九州市環境局 第" + (i + 1) + "課");
        }
        List<String> ids = Lists.all(api, Users.TRANSLATOR, "/api/content/snapshot?limit=3", "entryId");
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(ids.size())
                .isEqualTo(database.getCollection("entries")
                        .countDocuments(com.mongodb.client.model.Filters.ne("deleted", true)));

        Reply first = api.get(Users.TRANSLATOR, "/api/content/snapshot?limit=3");
        assertThat(first.body().has("total")).as("the snapshot does not count").isFalse();
        Reply second = api.get(
                Users.TRANSLATOR,
                "/api/content/snapshot?limit=3&after="
                        + first.body().path("next").asString());
        assertThat(second.body().path("items").findValuesAsString("entryId")).isEqualTo(ids.subList(3, 6));
    }

    @Test
    void repeatedCreateWithTheSameIdempotencyKeyReplaysTheFirstEntryAndStoresNoSecond() {
        String key = "create-" + System.nanoTime();
        Map<String, Object> body = Pages.create("organisation", "ja", Map.of("name", "水俣市環境モデル都市推進課"));
        long before = database.getCollection("entries").countDocuments();

        Reply first = api.post(Users.EDITOR, "/api/content/entries", body, "Idempotency-Key", key);
        Reply again = api.post(Users.EDITOR, "/api/content/entries", body, "Idempotency-Key", key);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().path("entryId").asString())
                .isEqualTo(first.body().path("entryId").asString());
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(database.getCollection("entries").countDocuments()).isEqualTo(before + 1);

        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("fields", Map.of("name", "Minamata City"));
        Reply reused = api.post(Users.EDITOR, "/api/content/entries", other, "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("idempotency.key-reused");
        assertThat(reused.body().path("key").asString()).isEqualTo(key);
        assertThat(database.getCollection("entries").countDocuments()).isEqualTo(before + 1);
    }

    @Test
    void openApiDocumentTypesEverySuccessAndEveryProblem() {
        Reply docs = api.get(Users.ANONYMOUS, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);

        OpenApiChecks.checkConventions(docs.body());
        assertThat(docs.body().path("components").path("schemas").propertyNames())
                .as("records of the same simple name keep their own schemas")
                .contains(
                        "SnapshotValue",
                        "RevisionSummary",
                        "RevisionDetail",
                        "DeliveredMedia",
                        "Problem",
                        "PageEntrySummary");
        assertThat(docs.body()
                        .path("paths")
                        .path("/api/content/entries")
                        .path("post")
                        .path("responses")
                        .path("201")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .endsWith("/EntryView");
        assertThat(docs.body()
                        .path("paths")
                        .path("/api/content/entries")
                        .path("get")
                        .path("parameters")
                        .findValuesAsString("name"))
                .contains("cursor", "limit", "type")
                .doesNotContain("context", "page");
    }

    @Test
    void problemsNeverCarryAnExtensionNamedType() {
        Reply missing = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/no-such-page?locale=ja");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("entry.not-found");
        assertThat(missing.body().has("type")).isFalse();
        assertThat(missing.body().path("contentType").asString()).isEqualTo("event-page");
        assertThat(missing.body().path("resource").asString()).isEqualTo("entry");
        assertThat(missing.body().path("locale").asString()).isEqualTo("ja");
    }
}
