package dev.hashi.content.common;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hashi.locale.SupportedLocales;

@Configuration
@EnableConfigurationProperties(ContentLocalesProperties.class)
class CommonConfiguration {

    @Bean
    Locales locales(ContentLocalesProperties properties) {
        return new Locales(
                SupportedLocales.of(properties.supported(), properties.defaultLocale(), properties.fallbacks()));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
