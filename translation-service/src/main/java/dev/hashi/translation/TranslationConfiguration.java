package dev.hashi.translation;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import dev.hashi.events.outbox.Outbox;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.translation.comment.UnitComments;
import dev.hashi.translation.glossary.Glossary;
import dev.hashi.translation.unit.ContentTracking;
import dev.hashi.translation.unit.MediaTracking;
import dev.hashi.translation.unit.SourceOnlyRules;
import dev.hashi.translation.unit.Units;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranslationSettings.class)
class TranslationConfiguration {

    @Bean
    LocaleInput localeInput(SupportedLocales locales) {
        return new LocaleInput(locales);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ContentTracking contentTracking(Units units, SupportedLocales locales, SourceOnlyRules rules) {
        return new ContentTracking(units, locales, rules);
    }

    @Bean
    Glossary glossary(MongoDatabase database) {
        return Glossary.live(database);
    }

    @Bean
    UnitComments unitComments(MongoDatabase database) {
        return UnitComments.live(database);
    }

    @Bean
    SourceOnlyRules sourceOnlyRules(MongoDatabase database) {
        return SourceOnlyRules.live(database);
    }

    @Bean
    MediaTracking mediaTracking(ContentTracking tracking) {
        return new MediaTracking(tracking);
    }

    @Bean
    Units units(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay) {
        return Units.live(database, outbox, relay::nudge);
    }
}
