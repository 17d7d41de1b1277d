package dev.hashi.content;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A third locale needs configuration only. */
@TestPropertySource(properties = {"hashi.locales=en>ja,ja>en,ko>ja>en", "cms.content.schedule.enabled=false"})
class ThirdLocaleTest extends ContentServiceTest {

    @Test
    void koreanIsWrittenPublishedAndDeliveredWithItsConfiguredFallbackChain() {
        seedTypes();
        ServiceClient api = api();
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create("organisation", "ja", Map.of("name", "富川市", "unit", "環境政策課")));
        String id = created.body().path("entryId").asString();
        Reply korean = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ko", Map.of("name", "부천시")),
                "If-Match",
                created.etag());
        assertThat(korean.status()).as(korean.raw()).isEqualTo(200);
        assertThat(korean.body()
                        .path("fields")
                        .path("name")
                        .path("ko")
                        .path("originLocale")
                        .asString())
                .isEqualTo("ja");
        String slug = korean.body().path("slugs").path("ko").asString();
        assertThat(slug)
                .as("kanji title: the Japanese slug's short id, kept once set")
                .matches("[0-9a-f]{12}")
                .isEqualTo(korean.body().path("slugs").path("ja").asString());

        Reply published = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/ko/publish", null, "If-Match", korean.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        Reply delivered = api.get(
                Users.ANONYMOUS, "/api/delivery/entries/organisation/" + slug, "Accept-Language", "ko-KR,ko;q=0.9");
        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(200);
        assertThat(delivered.header("Content-Language")).isEqualTo("ko");
        assertThat(delivered.body().path("fields").path("name").path("value").asString())
                .isEqualTo("부천시");
        assertThat(delivered.body().path("fields").path("unit").path("locale").asString())
                .isEqualTo("ja");
        assertThat(delivered.body().path("fields").path("unit").path("fallback").asBoolean())
                .isTrue();
    }
}
