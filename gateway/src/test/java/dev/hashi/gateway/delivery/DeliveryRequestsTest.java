package dev.hashi.gateway.delivery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRequestsTest {

    final DeliveryRequests requests = new DeliveryRequests(new LocaleProperties("en,ja,ko"));

    @Test
    void theKeyHoldsTheNegotiatedLocaleNotTheHeader() {
        String path = "/api/delivery/entries/page/北九州";
        String japanese = key(MockServerHttpRequest.get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9"));

        assertThat(key(MockServerHttpRequest.get(path + "?locale=ja"))).isEqualTo(japanese);
        assertThat(key(MockServerHttpRequest.get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR")))
                .isNotEqualTo(japanese);
        assertThat(key(MockServerHttpRequest.get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "¡garbage!")))
                .isEqualTo(key(MockServerHttpRequest.get(path)))
                .isEqualTo(key(MockServerHttpRequest.get(path + "?locale=en")));
        assertThat(key(MockServerHttpRequest.get(path + "?locale=*"))).endsWith(" *");
    }

    @Test
    void parametersAreKeyedInNameOrderWithoutLocale() {
        String list = "/api/delivery/entries/speaker";
        assertThat(key(MockServerHttpRequest.get(list + "?size=10&locale=ja&cursor=abc")))
                .isEqualTo(key(MockServerHttpRequest.get(list + "?cursor=abc&size=10")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ja")))
                .isNotEqualTo(key(MockServerHttpRequest.get(list + "?cursor=abd&size=10&locale=ja")));
    }

    @Test
    void uncacheableRequestsHaveNoKey() {
        String entry = "/api/delivery/entries/page/kitakyushu";
        assertThat(key(MockServerHttpRequest.get(entry + "?preview=true"))).isNull();
        assertThat(key(MockServerHttpRequest.get(entry).header(HttpHeaders.AUTHORIZATION, "Bearer x")))
                .isNull();
        assertThat(key(MockServerHttpRequest.post(entry))).isNull();
        assertThat(key(MockServerHttpRequest.get("/api/delivery/changes"))).isNull();
        assertThat(key(MockServerHttpRequest.get(entry + "?locale=fr"))).isNull();
        assertThat(key(MockServerHttpRequest.get(entry + "?locale=ja&locale=en")))
                .isNull();
        assertThat(key(MockServerHttpRequest.get(entry + "?locale=j%61"))).isNull();
        assertThat(key(MockServerHttpRequest.get(entry + "?%6Cocale=ja"))).isNull();
        assertThat(key(MockServerHttpRequest.get("/api/delivery/search?q=x"))).isNotNull();
        assertThat(key(MockServerHttpRequest.get("/api/delivery/locales"))).isNotNull();
        assertThat(key(MockServerHttpRequest.head(entry))).isNotNull();
    }

    @Test
    void sharedFreshnessNeedsPublicAndAPositiveMaxAge() {
        assertThat(RecordingResponse.sharedMaxAge(List.of("public, max-age=60, stale-while-revalidate=300")))
                .isEqualTo(60);
        assertThat(RecordingResponse.sharedMaxAge(List.of("public, max-age=60, s-maxage=5")))
                .isEqualTo(5);
        assertThat(RecordingResponse.sharedMaxAge(List.of("max-age=60"))).isZero();
        assertThat(RecordingResponse.sharedMaxAge(List.of("private, no-store"))).isZero();
        assertThat(RecordingResponse.sharedMaxAge(List.of("public, no-store, max-age=60")))
                .isZero();
        assertThat(RecordingResponse.sharedMaxAge(null)).isZero();
    }

    @Test
    void versionsAreParsedAndMalformedOnesRefused() {
        assertThat(RecordingResponse.versions("e-1=3, asset-9=12")).isEqualTo(Map.of("e-1", 3L, "asset-9", 12L));
        assertThat(RecordingResponse.versions("")).isEmpty();
        assertThat(RecordingResponse.versions("e-1")).isNull();
        assertThat(RecordingResponse.versions("e-1=three")).isNull();
        assertThat(RecordingResponse.types("page, speaker")).containsExactlyInAnyOrder("page", "speaker");
    }

    private String key(MockServerHttpRequest.BaseBuilder<?> request) {
        return requests.keyOf(request.build());
    }
}
