package dev.hashi.testsupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * On the test classpath only: every MongoDB client a test's Spring context builds reports its commands to
 * {@link IndexCoverage#RECORDER}. Absent where the MongoDB driver is (the gateway has none).
 */
@AutoConfiguration
@ConditionalOnClass(
        name = {
            "com.mongodb.event.CommandListener",
            "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer"
        })
public class IndexCoverageConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer indexCoverageRecorder() {
        return builder -> builder.addCommandListener(IndexCoverage.RECORDER);
    }
}
