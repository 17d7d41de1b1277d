package dev.hashi.media.common;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.hashi.locale.SupportedLocales;
import dev.hashi.media.binary.UploadsProperties;
import dev.hashi.service.locale.LocaleInput;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadsProperties.class)
@EnableScheduling
class MediaConfiguration {

    @Bean
    LocaleInput localeInput(SupportedLocales locales) {
        return new LocaleInput(locales);
    }
}
