package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Content types are versioned resources: ETag on read and write, If-Match to change one. */
class ContentTypesTest extends ContentServiceTest {

    static Map<String, Object> notice(String name) {
        return Map.of(
                "name",
                name,
                "titleField",
                "title",
                "fields",
                List.of(Map.of("key", "title", "kind", "text", "localized", true, "maxLength", 200)));
    }

    @Test
    void changingATypeNamesItsVersionAndAStaleOneIsAConflict() {
        ServiceClient api = api();
        String path = "/api/content/types/notice-" + System.nanoTime();

        Reply created = api.put(Users.ADMIN, path, notice("お知らせ"));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body().path("type").asString()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(api.put(Users.ADMIN, path, notice("お知らせ")).etag())
                .as("an unchanged definition changes nothing")
                .isEqualTo("\"1\"");

        Reply unnamed = api.put(Users.ADMIN, path, notice("Notice"));
        assertThat(unnamed.status()).isEqualTo(428);
        assertThat(unnamed.code()).isEqualTo("version.required");
        assertThat(unnamed.body().path("resource").asString()).isEqualTo("type");

        Reply changed = api.put(Users.ADMIN, path, notice("Notice"), "If-Match", created.etag());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"2\"");

        Reply stale = api.put(Users.ADMIN, path, notice("공지"), "If-Match", created.etag());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version.conflict");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(api.get(Users.EDITOR, path).body().path("name").asString()).isEqualTo("Notice");
    }

    @Test
    void anUnknownTypeIsNotFoundAndAnInvalidDefinitionListsEveryError() {
        ServiceClient api = api();
        Reply missing = api.get(Users.EDITOR, "/api/content/types/press-release");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("type.not-found");
        assertThat(missing.body().path("resource").asString()).isEqualTo("type");
        assertThat(missing.body().path("id").asString()).isEqualTo("press-release");

        Reply invalid = api.put(
                Users.ADMIN,
                "/api/content/types/broken",
                Map.of(
                        "name",
                        "Broken",
                        "titleField",
                        "missing",
                        "fields",
                        List.of(
                                Map.of("key", "date", "kind", "date", "localized", true),
                                Map.of("key", "date", "kind", "text"))));
        assertThat(invalid.status()).as(invalid.raw()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("fields[0].localized", "fields[1].key", "titleField");
        assertThat(api.get(Users.EDITOR, "/api/content/types/broken").status()).isEqualTo(404);
    }

    @Test
    void typesListIsPagedInKeyOrderWithATotal() {
        seedTypes();
        ServiceClient api = api();
        Reply first = api.get(Users.TRANSLATOR, "/api/content/types?limit=1");
        long total = first.body().path("total").asLong();
        List<String> keys = Lists.all(api, Users.TRANSLATOR, "/api/content/types?limit=1", "type");

        assertThat(keys).hasSize((int) total).doesNotHaveDuplicates().isSorted();
        assertThat(keys).contains("event-page", "organisation", "presentation", "session");
    }
}
