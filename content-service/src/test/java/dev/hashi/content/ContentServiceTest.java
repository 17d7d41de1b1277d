package dev.hashi.content;

import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.content.type.SeedTypes;
import dev.hashi.embedded.SharedInfra;
import dev.hashi.service.command.CommandContext;
import dev.hashi.testsupport.ServiceClient;

/**
 * Base of the integration tests: the whole service on a random port against the shared Kafka broker and
 * MongoDB-wire server. Every subclass shares one application context and one database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.security.gateway-secret=" + Users.SECRET,
            "cms.content.types.install-seed=false",
            "cms.events.retry.backoff=50ms",
            "cms.content.schedule.poll-interval=200ms"
        })
public abstract class ContentServiceTest {

    static final String DATABASE = "content_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add("spring.mongodb.database", () -> DATABASE);
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @LocalServerPort
    int port;

    @Autowired
    SeedTypes seedTypes;

    protected ServiceClient api() {
        return new ServiceClient(port, Users.SECRET);
    }

    /** Installs the seed's content types (idempotent). */
    protected void seedTypes() {
        seedTypes.install(CommandContext.system(Users.ADMIN, null, Instant.now()));
    }
}
