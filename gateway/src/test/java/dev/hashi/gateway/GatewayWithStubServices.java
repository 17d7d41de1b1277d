package dev.hashi.gateway;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running gateway, with its default timeouts, in front of three healthy stub services. Subclasses share one
 * application context and one set of stubs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayWithStubServices.LOG_ROUTES)
public abstract class GatewayWithStubServices {

    /**
     * A library log line written while a routed request is handled, to check the request id reaches the logs. Every
     * test context sets it, because the last context started configures the process-wide logging.
     */
    public static final String LOG_ROUTES =
            "logging.level.org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping=DEBUG";

    /** The media upload limit of this context, in MB (512 in production). */
    protected static final int MEDIA_LIMIT_MB = 24;

    protected static final StubService content = StubService.start("content");
    protected static final StubService translation = StubService.start("translation");
    protected static final StubService media = StubService.start("media");

    protected WebTestClient client;

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestEdge.register(registry);
        registry.add("cms.gateway.downstream.content", content::uri);
        registry.add("cms.gateway.downstream.translation", translation::uri);
        registry.add("cms.gateway.downstream.media", media::uri);
        // the routes of application.yml, with a media limit a test can pass in a few seconds
        registry.add("cms.gateway.limits.routes[0].path", () -> "/api/translations/xliff/**");
        registry.add("cms.gateway.limits.routes[0].max-body-size", () -> "8MB");
        registry.add("cms.gateway.limits.routes[1].path", () -> "/api/media/**");
        registry.add("cms.gateway.limits.routes[1].max-body-size", () -> MEDIA_LIMIT_MB + "MB");
        registry.add("cms.gateway.limits.routes[1].streamed", () -> "true");
        registry.add("cms.gateway.limits.routes[2].path", () -> "/attachments/*/variants/**");
        registry.add("cms.gateway.limits.routes[2].max-body-size", () -> MEDIA_LIMIT_MB + "MB");
        registry.add("cms.gateway.limits.routes[2].streamed", () -> "true");
    }

    @BeforeEach
    void connectAndReset() {
        client = dev.hashi.gateway.TestClients.of(port, Duration.ofSeconds(10));
        content.reset();
        translation.reset();
        media.reset();
    }
}
