package dev.hashi.translation.support;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;

/**
 * A test against the running service on a real Kafka broker and the MongoDB-wire server. Every subclass shares
 * one application context (one consumer group, one database); tests keep apart through their own entry ids.
 * Korean is a third supported locale here, by configuration only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.security.gateway-secret=" + Api.SECRET,
            "cms.translation.locales=en,ja,ko",
            "cms.events.retry.backoff=50ms",
            "cms.translation.xliff.max-units=50",
            "cms.translation.xliff.max-bytes=200KB"
        })
public abstract class ServiceTest {

    static final String DATABASE = "translation_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void sharedInfra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add(
                "spring.mongodb.database",
                () -> "translation_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    @Autowired
    protected EventCodec codec;

    protected Api api() {
        return new Api(port);
    }

    protected ContentEvents content() {
        return ContentEvents.shared(codec);
    }
}
