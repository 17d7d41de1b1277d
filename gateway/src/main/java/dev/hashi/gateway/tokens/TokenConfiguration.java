package dev.hashi.gateway.tokens;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class TokenConfiguration {

    @Bean
    TokenLog tokenLog(TokenSettings settings) {
        return new TokenLog(settings);
    }

    @Bean
    ApiTokens apiTokens(TokenLog log, TokenSettings settings) {
        return new ApiTokens(log, Clock.systemUTC(), settings.maxLifetime());
    }
}
