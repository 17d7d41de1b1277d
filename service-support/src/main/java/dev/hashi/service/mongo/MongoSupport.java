package dev.hashi.service.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** The service's own MongoDB database, a short server-selection timeout and a health check that pings it. */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@EnableConfigurationProperties(MongoSettings.class)
public class MongoSupport {

    @Bean
    MongoClientSettingsBuilderCustomizer hashiMongoTimeouts(MongoSettings settings) {
        return builder -> builder.applyToClusterSettings(c -> c.serverSelectionTimeout(
                        settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        s -> s.connectTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        String name = properties.getDatabase();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(
                    "spring.mongodb.database (MONGODB_DATABASE) must name this service's database");
        }
        return client.getDatabase(name);
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new MongoPingHealthIndicator(database);
    }
}
