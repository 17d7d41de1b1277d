package dev.hashi.content;

import java.nio.charset.StandardCharsets;
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
                .as(
                        "Korean's own title gives its slug, in Hangul; the generated one from the Japanese title follows it")
                .startsWith("부천시");
        assertThat(korean.body().path("slugs").path("ja").asString()).startsWith("富川市");

        Reply japanese = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/ja/publish", null, "If-Match", korean.etag());
        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        Reply published = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/ko/publish", null, "If-Match", japanese.etag());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        Reply delivered = api.get(
                Users.ANONYMOUS,
                "/api/delivery/entries/organisation/" + java.net.URLEncoder.encode(slug, StandardCharsets.UTF_8),
                "Accept-Language",
                "ko-KR,ko;q=0.9");
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
