package dev.hashi.gateway.requestid;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService.Seen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RequestIdTest extends GatewayWithStubServices {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutIdGetsANewOneSeenDownstreamAndEchoed() throws Exception {
        String echoed = client.get()
                .uri("/api/content/entries")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIdFilter.HEADER);

        assertThat(echoed).matches(UUID);
        assertThat(content.nextRequest().header(RequestIdFilter.HEADER)).isEqualTo(echoed);
    }

    @Test
    void aSafeIncomingIdIsKeptDownstreamAndEchoedOnce() throws Exception {
        String id = "Req_2003.10-28." + "x".repeat(49);
        assertThat(id).hasSize(64);

        List<String> echoed = client.get()
                .uri("/api/translations/units")
                .header(RequestIdFilter.HEADER, id)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .get(RequestIdFilter.HEADER);

        assertThat(echoed).containsExactly(id);
        assertThat(translation.nextRequest().header(RequestIdFilter.HEADER)).isEqualTo(id);
    }

    @Test
    void anUnsafeOrTooLongIdIsReplacedBeforeItGoesAnywhere() throws Exception {
        for (String unsafe : List.of("id with spaces", "<script>", "a".repeat(65), "北九州")) {
            String echoed = client.get()
                    .uri("/api/media/assets")
                    .header(RequestIdFilter.HEADER, unsafe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getFirst(RequestIdFilter.HEADER);

            assertThat(echoed).matches(UUID);
            Seen seen = media.nextRequest();
            assertThat(seen.header(RequestIdFilter.HEADER)).isEqualTo(echoed);
        }
    }

    @Test
    void gatewayAnswersCarryTheIdToo() {
        client.get()
                .uri("/api/no/such/place")
                .header(RequestIdFilter.HEADER, "lost-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .valueEquals(RequestIdFilter.HEADER, "lost-1")
                .expectBody()
                .jsonPath("$.requestId")
                .isEqualTo("lost-1");
    }

    @Test
    void traceparentIsPassedThroughUnchanged() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        client.get()
                .uri("/api/delivery/pages/wpc-2003")
                .header("traceparent", traceparent)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(content.nextRequest().header("traceparent")).isEqualTo(traceparent);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void gatewayLogLinesCarryTheRequestId(CapturedOutput output) {
        client.get()
                .uri("/api/content/log-check")
                .header(RequestIdFilter.HEADER, "log-check-42")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/api/nowhere/log-check")
                .header(RequestIdFilter.HEADER, "log-check-43")
                .exchange()
                .expectStatus()
                .isNotFound();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .anySatisfy(line ->
                                assertThat(line).contains("log-check-42").contains("GET /api/content/log-check -> 200"))
                        .anySatisfy(line ->
                                assertThat(line).contains("log-check-42").contains("Route matched: content"))
                        .anySatisfy(line -> assertThat(line)
                                .contains("log-check-43")
                                .contains("GET /api/nowhere/log-check -> 404")));
    }
}
