package dev.hashi.translation.support;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.ServiceClient;

/**
 * A test against the running service on a real Kafka broker and the MongoDB-wire server. Every subclass shares
 * one application context (one consumer group, one database); tests keep apart through their own entry ids.
 * Korean is a third supported locale here, by configuration only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.security.gateway-secret=" + ServiceTest.SECRET,
            "hashi.locales=en>ja,ja>en,ko",
            "cms.events.retry.backoff=50ms",
            "cms.translation.xliff.max-units=50",
            "cms.translation.xliff.max-bytes=200KB"
        })
public abstract class ServiceTest {

    public static final String SECRET = "translation-tests-shared-gateway-secret-0123456789";

    @DynamicPropertySource
    static void sharedInfra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add(
                "spring.mongodb.database",
                () -> "translation_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
        registry.add("cms.translation.rebuild.content-url", ContentStub.INSTANCE::url);
    }

    @LocalServerPort
    protected int port;

    /** Calls the service as a signed caller (or none). */
    protected ServiceClient client() {
        return new ServiceClient(port, SECRET);
    }

    protected ContentEvents content() {
        return ContentEvents.INSTANCE;
    }

    /** A reviewer of every locale pair ({@code *:*}). */
    public static Identity reviewer(String subject) {
        return reviewer(subject, "*:*");
    }

    /** A reviewer holding {@code pairs} such as {@code ja:en}. */
    public static Identity reviewer(String subject, String... pairs) {
        Set<LocalePair> granted = new HashSet<>();
        for (String pair : pairs) {
            granted.add(LocalePair.parse(pair));
        }
        return new Identity(subject, Set.of(Role.REVIEWER), granted);
    }

    public static Identity editor(String subject) {
        return ServiceClient.user(subject, Role.EDITOR);
    }

    public static Identity admin(String subject) {
        return ServiceClient.user(subject, Role.ADMIN);
    }

    public static Identity reader(String subject) {
        return ServiceClient.user(subject, Role.READER);
    }

    public static Identity translator(String subject, String... pairs) {
        return ServiceClient.translator(subject, pairs);
    }
}
