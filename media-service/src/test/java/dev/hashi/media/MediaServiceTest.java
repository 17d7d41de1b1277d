package dev.hashi.media;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.testsupport.ServiceClient;

/**
 * Base of the integration tests: the whole service on a random port against the shared Kafka broker and
 * MongoDB-wire server. Every subclass shares one application context and one database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.security.gateway-secret=" + MediaServiceTest.SECRET,
            "cms.events.retry.backoff=50ms",
            "cms.media.uploads.max-size=" + MediaServiceTest.MAX_UPLOAD,
            "cms.media.uploads.orphan-age=2s",
            "cms.media.uploads.sweep-interval=1h"
        })
public abstract class MediaServiceTest {

    static final String SECRET = "test-gateway-secret-0123456789-abcdefghij";
    /** The upload limit of the tests' service: small, so passing it costs little. */
    static final String MAX_UPLOAD = "8MB";

    static final long MAX_UPLOAD_BYTES = 8L * 1024 * 1024;
    static final String DATABASE = "media_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add("spring.mongodb.database", () -> DATABASE);
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @LocalServerPort
    int port;

    protected ServiceClient api() {
        return new ServiceClient(port, SECRET);
    }

    protected Transfers transfers() {
        return new Transfers(port, SECRET);
    }
}
