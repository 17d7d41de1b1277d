package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields carry their names for people per locale; the seed names every field in English and Japanese. */
class FieldLabelsTest extends ContentServiceTest {

    private static Map<String, Object> notice(Map<String, String> labels) {
        return Map.of(
                "name",
                "Notice",
                "titleField",
                "title",
                "fields",
                List.of(Map.of("key", "title", "kind", "text", "localized", true, "maxLength", 200, "labels", labels)));
    }

    @Test
    void labelsAreKeptPerLocaleAndReturnedWithTheType() {
        ServiceClient api = api();
        String path = "/api/content/types/labelled-" + System.nanoTime();

        Reply created = api.put(Users.ADMIN, path, notice(Map.of("en", "Title", "ja", "題名", "ko", "제목")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);

        JsonNode labels =
                api.get(Users.TRANSLATOR, path).body().path("fields").get(0).path("labels");
        assertThat(labels.path("en").asString()).isEqualTo("Title");
        assertThat(labels.path("ja").asString()).isEqualTo("題名");
        assertThat(labels.path("ko").asString()).isEqualTo("제목");
    }

    @Test
    void aLabelUnderSomethingOtherThanALocaleTagOrEmptyOrTooLongIsRefusedAndNothingIsStored() {
        ServiceClient api = api();
        String path = "/api/content/types/mislabelled-" + System.nanoTime();

        Reply badKey = api.put(Users.ADMIN, path, notice(Map.of("not a locale!", "Title")));
        assertThat(badKey.status()).as(badKey.raw()).isEqualTo(400);
        assertThat(badKey.code()).isEqualTo("request.invalid");
        Reply empty = api.put(Users.ADMIN, path, notice(Map.of("ja", "")));
        assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
        Reply tooLong = api.put(Users.ADMIN, path, notice(Map.of("en", "x".repeat(101))));
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(api.put(Users.ADMIN, path, notice(Map.of("en", "x".repeat(100))))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everySeedFieldIsNamedInEnglishAndJapanese() {
        seedTypes();
        ServiceClient api = api();
        for (String type : List.of("event-page", "session", "presentation", "person", "organisation")) {
            for (JsonNode field : api.get(Users.TRANSLATOR, "/api/content/types/" + type)
                    .body()
                    .path("fields")) {
                assertThat(field.path("labels").path("en").asString())
                        .as(type + "." + field.path("key").asString())
                        .isNotBlank();
                assertThat(field.path("labels").path("ja").asString())
                        .as(type + "." + field.path("key").asString())
                        .isNotBlank();
            }
        }
        JsonNode presentation = api.get(Users.TRANSLATOR, "/api/content/types/presentation")
                .body()
                .path("fields");
        assertThat(presentation.get(1).path("labels").path("ja").asString()).isEqualTo("発表者");
    }
}
