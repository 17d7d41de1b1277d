package dev.hashi.gateway.routing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.RawHttp;
import dev.hashi.gateway.StubService;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console behind the gateway: {@code /} and every non-API path reach it; the API does not. */
class ConsoleRouteTest extends GatewayWithStubServices {

    static final StubService console = StubService.start("console");

    @DynamicPropertySource
    static void consoleDownstream(DynamicPropertyRegistry registry) {
        registry.add("cms.gateway.downstream.console", console::uri);
    }

    @AfterAll
    static void stopConsole() {
        console.close();
    }

    @ParameterizedTest(name = "{0} reaches the console")
    @CsvSource({"/", "/pages", "/pages/wpc-2003?locale=ja", "/css/console.css", "/webjars/htmx.org/dist/htmx.min.js"})
    void theRootAndScreensReachTheConsoleUnchanged(String target) throws Exception {
        client.get()
                .uri(target)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("console");

        assertThat(console.nextRequest().target()).isEqualTo(target);
    }

    @Test
    void aFormPostReachesTheConsoleWithItsBody() throws Exception {
        client.post()
                .uri("/sign-in/dev")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("role=editor&_csrf=abc")
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Seen seen = console.nextRequest();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(new String(seen.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("role=editor&_csrf=abc");
    }

    @Test
    void anAttachmentUploadOverTheDefaultBodyLimitReachesTheConsoleWhole() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(file);

        client.put()
                .uri("/attachments/a-1/variants/ja?fileName=slides.ppt")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(file)
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Seen seen = console.nextRequest();
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.body()).isEqualTo(file);
    }

    @Test
    void aFormPostOverTheDefaultBodyLimitIsStillRefused() throws Exception {
        String response = RawHttp.exchange(
                port,
                "POST /pages/p-1 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + (2 * 1024 * 1024) + "\r\n\r\ntitle=xxxx");

        assertThat(response).startsWith("HTTP/1.1 413").contains("request.too-large");
        assertThat(console.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void apiAndDocumentPathsNeverReachTheConsole() {
        for (String target : List.of("/api/content/entries/e-1", "/docs/content/v3/api-docs", "/api/nothing-here")) {
            client.get().uri(target).exchange();
        }

        assertThat(console.nextRequestWithin(Duration.ofMillis(300))).isEmpty();
    }
}
