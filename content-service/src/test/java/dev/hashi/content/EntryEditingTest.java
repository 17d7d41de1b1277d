package dev.hashi.content;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.locale.Texts;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EntryEditingTest extends ContentServiceTest {

    ServiceClient api;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
    }

    Reply createPage() {
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created;
    }

    @Test
    void japaneseOnlyPresentationTitlesAreJapaneseSourceValuesWithoutEnglish() {
        Reply created = createPage();
        String id = created.body().path("entryId").asString();
        Reply patched = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);

        JsonNode presentations =
                patched.body().path("fields").path("sessions").get(2).path("presentations");
        JsonNode minamata = presentations.get(0).path("title");
        assertThat(minamata.has("en")).isFalse();
        assertThat(minamata.path("ja").path("value").asString()).isEqualTo("住民協働の環境モデル都市づくりを目指して~水俣市~");
        assertThat(minamata.path("ja").path("originLocale").asString()).isEqualTo("ja");
        assertThat(minamata.path("ja").path("source").asBoolean()).isTrue();
        assertThat(minamata.path("ja").path("updatedBy").asString()).isEqualTo("eri");
        assertThat(minamata.path("ja").path("sourceHash").asString())
                .isEqualTo(Texts.sourceHash("住民協働の環境モデル都市づくりを目指して~水俣市~"));
        JsonNode bucheon = presentations.get(1).path("title");
        assertThat(bucheon.path("en").path("source").asBoolean()).isTrue();
        assertThat(bucheon.has("ja")).isFalse();
        assertThat(patched.body().path("missing"))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("en", "ja");
        assertThat(patched.etag()).isEqualTo("\"2\"");
    }

    @Test
    void writingAnotherLocaleOfAFieldIsATranslationOfTheCurrentSource() {
        Reply created = createPage();
        String id = created.body().path("entryId").asString();
        Reply patched = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Map.of("venue", "北九州国際会議場")),
                "If-Match",
                created.etag());

        JsonNode venue = patched.body().path("fields").path("venue");
        assertThat(venue.path("ja").path("originLocale").asString()).isEqualTo("en");
        assertThat(venue.path("ja").path("source").asBoolean()).isFalse();
        assertThat(venue.path("ja").path("sourceHash").asString())
                .isEqualTo(Texts.sourceHash("Kitakyushu International Conference Centre (Kitakyushu, Japan)"));
        assertThat(venue.path("ja").path("outdated").asBoolean()).isFalse();

        Reply edited = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("venue", "Kitakyushu International Conference Centre")),
                "If-Match",
                patched.etag());
        assertThat(edited.body()
                        .path("fields")
                        .path("venue")
                        .path("ja")
                        .path("outdated")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void textIsStoredNfcNormalised() {
        String decomposed = "Cafe\u0301 ｷﾀｷｭｳｼｭｳ １２３";
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("organisation", "en", Map.of("name", decomposed)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body()
                        .path("fields")
                        .path("name")
                        .path("en")
                        .path("value")
                        .asString())
                .isEqualTo(Texts.nfc(decomposed))
                .contains("Café");
    }

    @Test
    void componentItemsKeepTheirIdsAndPathsWhenTheyMoveAndAnItemLeftOutOnPurposeIsRemoved() {
        Reply created = createPage();
        String id = created.body().path("entryId").asString();
        JsonNode sessions = created.body().path("fields").path("sessions");
        String first = sessions.get(0).path("id").asString();
        String third = sessions.get(2).path("id").asString();
        Map<String, Object> body =
                Pages.patch("en", Map.of("sessions", java.util.List.of(Map.of("id", third), Map.of("id", first))));
        body.put("replaceLists", true);
        Reply moved = api.patch(Users.EDITOR, "/api/content/entries/" + id, body, "If-Match", created.etag());

        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        JsonNode after = moved.body().path("fields").path("sessions");
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("id").asString()).isEqualTo(third);
        assertThat(after.get(0).path("title").path("en").path("value").asString())
                .isEqualTo("Local Governments");
        assertThat(after.get(0).path("presentations")).hasSize(9);
    }
}
