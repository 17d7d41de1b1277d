package dev.hashi.content;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.content.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest extends ContentServiceTest {

    Api api;
    String pageId;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        pageId = api.post(Api.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()))
                .body()
                .path("id")
                .asString();
    }

    @Test
    void onlyAdminsDefineContentTypes() {
        Map<String, Object> type =
                Map.of("name", "Note", "fields", java.util.List.of(Map.of("key", "body", "kind", "text")));
        assertThat(api.put(Api.EDITOR, "/api/content/types/note", type).status())
                .isEqualTo(403);
        assertThat(api.put(Api.ANONYMOUS, "/api/content/types/note", type).status())
                .isEqualTo(401);
        assertThat(api.put(Api.ADMIN, "/api/content/types/note", type).status()).isEqualTo(200);
    }

    @Test
    void translatorsReadDraftsButCannotWrite() {
        Reply read = api.get(Api.TRANSLATOR, "/api/content/entries/" + pageId);
        assertThat(read.status()).isEqualTo(200);
        Reply write = api.patch(
                Api.TRANSLATOR,
                "/api/content/entries/" + pageId,
                Pages.patch("en", Map.of("venue", "x")),
                "If-Match",
                read.etag());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("access.denied");
    }

    @Test
    void anonymousAndReadersGetNotFoundForADraftEntryNeverForbidden() {
        assertThat(api.get(Api.ANONYMOUS, "/api/content/entries/" + pageId).status())
                .isEqualTo(404);
        assertThat(api.get(Api.READER, "/api/content/entries/" + pageId).status())
                .isEqualTo(404);
        assertThat(api.get(Api.ANONYMOUS, "/api/content/entries/" + pageId + "/revisions")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anonymousListingIsUnauthorizedAndReaderListingForbidden() {
        Reply anonymous = api.get(Api.ANONYMOUS, "/api/content/entries");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("identity.required");
        assertThat(api.get(Api.READER, "/api/content/entries").status()).isEqualTo(403);
        assertThat(api.get(Api.ANONYMOUS, "/api/content/snapshot").status()).isEqualTo(401);
    }

    @Test
    void editorsListEntriesByTypeAndMissingLocale() {
        Reply list = api.get(Api.EDITOR, "/api/content/entries?type=event-page&missingLocale=ja&limit=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").findValuesAsString("id")).contains(pageId);
    }

    @Test
    void openApiDescribesTheContentApi() {
        Reply docs = api.get(Api.ANONYMOUS, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames())
                .contains(
                        "/api/content/entries/{id}",
                        "/api/delivery/entries/{type}/{slug}",
                        "/api/content/types/{key}",
                        "/api/content/snapshot");
    }
}
