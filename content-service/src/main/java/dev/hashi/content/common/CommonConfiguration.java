package dev.hashi.content.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hashi.locale.SupportedLocales;

@Configuration
class CommonConfiguration {

    @Bean
    Locales locales(SupportedLocales supported) {
        return new Locales(supported);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
