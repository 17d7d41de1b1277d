package dev.hashi.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.hashi.embedded.SharedInfra;

/** The edge settings every gateway test context shares: a known identity secret and the shared Kafka broker. */
public final class TestEdge {

    /** The secret the test gateway signs identities with; tests verify forwarded headers with it. */
    public static final String SECRET = "test-gateway-secret-with-at-least-32-bytes";

    private TestEdge() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("cms.gateway.security.profile", () -> "dev");
        registry.add("cms.gateway.security.gateway-secret", () -> SECRET);
        registry.add(
                "cms.gateway.tokens.bootstrap-servers",
                () -> SharedInfra.kafka().bootstrapServers());
        registry.add(
                "cms.gateway.delivery-cache.bootstrap-servers",
                () -> SharedInfra.kafka().bootstrapServers());
        registry.add("cms.gateway.rate-limit.anonymous.burst", () -> "100000");
        registry.add("cms.gateway.rate-limit.anonymous.refill", () -> "100000");
        registry.add("cms.gateway.security.cors.allowed-origins", () -> "https://www.kitakyushu.example");
        registry.add("cms.gateway.health.cache", () -> "0s");
    }
}
