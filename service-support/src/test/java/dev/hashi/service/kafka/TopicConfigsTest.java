package dev.hashi.service.kafka;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real broker, the topics a service declares carry the declared retention: event topics keep everything,
 * dead-letter topics keep a bounded time; a topic that already existed with the broker's default retention (as
 * every topic created before the configs were declared does) is brought in line when the service starts.
 */
@SpringBootTest(
        properties = {
            "cms.service.name=topics",
            "cms.profile=dev",
            "cms.service.api-prefix=/api/topics",
            "cms.events.outbox.enabled=false",
        })
class TopicConfigsTest {

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String PUBLISHED = "test.published." + SUFFIX;
    static final String CONSUMED = "test.consumed." + SUFFIX;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add("spring.mongodb.database", () -> "topics_" + SUFFIX);
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
        registry.add("cms.events.publishes", () -> PUBLISHED);
        registry.add("cms.events.consumes", () -> CONSUMED);
        try (Admin admin = admin()) {
            // as the broker's defaults (or an older kafka-init) left it: deleted after 7 days
            admin.createTopics(
                            List.of(new NewTopic(PUBLISHED, 3, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eventTopicsKeepTheirWholeHistoryAndDeadLetterTopicsThirtyDays() throws Exception {
        Map<String, Map<String, String>> configs = describe(PUBLISHED, CONSUMED, Topics.deadLetter(CONSUMED));

        assertThat(configs.get(PUBLISHED))
                .as("the published topic, created before with a 7-day retention")
                .containsAllEntriesOf(KafkaSupport.TopicConfigs.EVENTS)
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete");
        assertThat(configs.get(CONSUMED)).as("a consumed topic").containsAllEntriesOf(KafkaSupport.TopicConfigs.EVENTS);
        assertThat(configs.get(Topics.deadLetter(CONSUMED)))
                .as("its dead-letter topic")
                .containsAllEntriesOf(KafkaSupport.TopicConfigs.DEAD_LETTERS)
                .containsEntry("retention.ms", "2592000000")
                .containsEntry("cleanup.policy", "delete");
    }

    private static Map<String, Map<String, String>> describe(String... topics) throws Exception {
        try (Admin admin = admin()) {
            List<ConfigResource> resources = java.util.Arrays.stream(topics)
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            Map<ConfigResource, Config> described =
                    admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            return described.entrySet().stream()
                    .collect(Collectors.toMap(
                            entry -> entry.getKey().name(),
                            entry -> entry.getValue().entries().stream()
                                    .collect(Collectors.toMap(ConfigEntry::name, e -> String.valueOf(e.value())))));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers()));
    }
}
