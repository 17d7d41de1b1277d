package dev.hashi.content;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest extends ContentServiceTest {

    ServiceClient api;
    String pageId;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        pageId = api.post(
                        Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()))
                .body()
                .path("entryId")
                .asString();
    }

    @Test
    void onlyAdminsDefineContentTypes() {
        Map<String, Object> type =
                Map.of("name", "Note", "fields", java.util.List.of(Map.of("key", "body", "kind", "text")));
        assertThat(api.put(Users.EDITOR, "/api/content/types/note", type).status())
                .isEqualTo(403);
        assertThat(api.put(Users.ANONYMOUS, "/api/content/types/note", type).status())
                .isEqualTo(401);
        assertThat(api.put(Users.ADMIN, "/api/content/types/note", type).status())
                .isEqualTo(200);
    }

    @Test
    void translatorsReadDraftsButCannotWrite() {
        Reply read = api.get(Users.TRANSLATOR, "/api/content/entries/" + pageId);
        assertThat(read.status()).isEqualTo(200);
        Reply write = api.patch(
                Users.TRANSLATOR,
                "/api/content/entries/" + pageId,
                Pages.patch("en", Map.of("venue", "x")),
                "If-Match",
                read.etag());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("auth.forbidden");
        assertThat(write.body().path("reason").asString()).isEqualTo("role");
    }

    @Test
    void anonymousAndReadersGetNotFoundForADraftEntryNeverForbidden() {
        assertThat(api.get(Users.ANONYMOUS, "/api/content/entries/" + pageId).status())
                .isEqualTo(404);
        assertThat(api.get(Users.READER, "/api/content/entries/" + pageId).status())
                .isEqualTo(404);
        Reply revisions = api.get(Users.ANONYMOUS, "/api/content/entries/" + pageId + "/revisions");
        assertThat(revisions.status()).isEqualTo(404);
        assertThat(revisions.code()).isEqualTo("entry.not-found");
        assertThat(revisions.body().path("resource").asString()).isEqualTo("entry");
        assertThat(revisions.body().path("id").asString()).isEqualTo(pageId);
    }

    @Test
    void anonymousListingIsUnauthorizedAndReaderListingForbidden() {
        Reply anonymous = api.get(Users.ANONYMOUS, "/api/content/entries");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("auth.required");
        assertThat(api.get(Users.READER, "/api/content/entries").status()).isEqualTo(403);
        assertThat(api.get(Users.ANONYMOUS, "/api/content/snapshot").status()).isEqualTo(401);
    }

    @Test
    void editorsListEntriesByTypeAndMissingLocale() {
        assertThat(Lists.all(
                        api,
                        Users.EDITOR,
                        "/api/content/entries?type=event-page&missingLocale=ja&limit=100",
                        "entryId"))
                .contains(pageId);
    }

    @Test
    void openApiDescribesTheContentApi() {
        Reply docs = api.get(Users.ANONYMOUS, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames())
                .contains(
                        "/api/content/entries/{entryId}",
                        "/api/delivery/entries/{type}/{slug}",
                        "/api/content/types/{type}",
                        "/api/content/snapshot");
    }
}
