package dev.hashi.service.locale;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

import dev.hashi.locale.SupportedLocales;

/**
 * The one locale configuration every service reads: {@code hashi.locales} ({@code HASHI_LOCALES}), in the
 * one-line form of {@link SupportedLocales#parse} (default {@code en>ja,ja>en}). A service with a malformed line
 * does not start. Its canonical line and fingerprint are shown in the service's info and health, so a service started
 * with another configuration than the others is visible there (and the gateway's health compares them).
 */
@AutoConfiguration
@EnableConfigurationProperties(LocaleSupport.LocaleProperties.class)
public class LocaleSupport {

    /** @param locales the one-line locale configuration */
    @ConfigurationProperties("hashi")
    public record LocaleProperties(@DefaultValue(DEFAULT) String locales) {}

    /** English and Japanese, each falling back to the other. */
    public static final String DEFAULT = "en>ja,ja>en";

    @Bean
    @ConditionalOnMissingBean
    SupportedLocales supportedLocales(LocaleProperties properties) {
        return SupportedLocales.parse(properties.locales());
    }

    @Bean
    LocaleConfigurationHealth localesHealthIndicator(SupportedLocales locales) {
        return new LocaleConfigurationHealth(locales);
    }

    /** Always up; shows the configuration so that it can be compared across services. */
    static final class LocaleConfigurationHealth extends AbstractHealthIndicator {

        private final SupportedLocales locales;

        LocaleConfigurationHealth(SupportedLocales locales) {
            this.locales = locales;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            builder.up()
                    .withDetail("line", locales.line())
                    .withDetail("default", locales.defaultLocale().tag())
                    .withDetail("fingerprint", locales.fingerprint());
        }
    }
}
