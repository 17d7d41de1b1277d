package dev.hashi.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService;
import dev.hashi.gateway.StubService.Seen;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamRoutingTest extends GatewayWithStubServices {

    @ParameterizedTest(name = "{0} reaches {1}")
    @CsvSource({
        "/api/content/entries/wpc-2003?locale=ja&fields=title%2Csessions, content",
        "/api/delivery/pages/wpc-2003?locale=en&q=%E5%8C%97%E4%B9%9D%E5%B7%9E, content",
        "/api/translations/units?state=untranslated&target=en, translation",
        "/api/media/assets/declaration/variants/ja?download=true, media"
    })
    void apiPathsReachTheirServiceWithPathAndQueryUnchanged(String target, String service) throws Exception {
        client.get()
                .uri(URI.create("http://127.0.0.1:" + port + target))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service);

        assertThat(stub(service).nextRequest().target()).isEqualTo(target);
    }

    @ParameterizedTest(name = "/docs/{0} reaches {0}")
    @CsvSource({"content", "translation", "media"})
    void docsPathsReachTheirServiceWithoutTheDocsPrefix(String service) throws Exception {
        client.get()
                .uri("/docs/" + service + "/v3/api-docs?group=public")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service);

        assertThat(stub(service).nextRequest().target()).isEqualTo("/v3/api-docs?group=public");
    }

    @ParameterizedTest(name = "{0} {1} is not forwarded")
    @CsvSource({
        "GET, /docs/content/api/content/info",
        "GET, /docs/content/actuator/health",
        "GET, /docs/translation/api/translations/queue",
        "GET, /docs/media/v3/api-docs/../../api/media/assets",
        "POST, /docs/content/v3/api-docs",
        "DELETE, /docs/media/v3/api-docs",
        "GET, /docs/content/v3/api-docs.yaml"
    })
    void docsPathsServeOnlyTheOpenApiDocuments(String method, String target) {
        client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(target)
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(400, 404, 405));

        for (String service : List.of("content", "translation", "media")) {
            assertThat(stub(service).nextRequestWithin(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedClientDoNotReachTheServices() throws Exception {
        client.get()
                .uri("/api/content/entries")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/evil")
                .exchange()
                .expectStatus()
                .isOk();

        Seen seen = content.nextRequest();
        assertThat(seen.header("X-Forwarded-Host")).isNull();
        assertThat(seen.header("X-Forwarded-Prefix")).isNull();
    }

    @Test
    void requestBodiesAndMethodsAreForwarded() throws Exception {
        String caption = "{\"caption\":\"北九州 ｷﾀｷｭｳｼｭｳ Kitakyushu\"}";
        client.put()
                .uri("/api/media/assets/a1/caption")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(caption)
                .header("Authorization", "Bearer " + DevJwts.token("editor-1", "editor"))
                .exchange()
                .expectStatus()
                .isOk();

        Seen seen = media.nextRequest();
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo(caption);
    }

    @Test
    void aReadWhoseConnectionDropsIsRetriedButAWriteIsNot() throws Exception {
        content.dropNext(1);
        client.get().uri("/api/content/entries/e-1").exchange().expectStatus().isOk();
        assertThat(content.nextRequest().method()).isEqualTo("GET");
        assertThat(content.nextRequest().method()).as("the retry").isEqualTo("GET");

        content.dropNext(1);
        client.post()
                .uri("/api/content/entries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .header("Authorization", "Bearer " + DevJwts.token("editor-1", "editor"))
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("downstream.failed");
        assertThat(content.nextRequest().method()).isEqualTo("POST");
        assertThat(content.nextRequestWithin(Duration.ofMillis(500)))
                .as("no retry of a write")
                .isEmpty();
    }

    @Test
    void manyConcurrentRequestsToOneServiceAreAllServed() {
        content.answerAfter(Duration.ofMillis(300));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 40)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/content/entries/" + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
    }

    private static StubService stub(String service) {
        return switch (service) {
            case "content" -> content;
            case "translation" -> translation;
            default -> media;
        };
    }
}
