package dev.hashi.console.i18n;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The message source and UI language resolver of the whole console. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    /** One bundle per area: add a base name here with its files {@code i18n/<name>.properties} and {@code _ja}. */
    static final List<String> BUNDLES = List.of("console", "translate", "media", "admin");

    @Bean
    MessageSource messageSource() {
        return new IcuMessageSource(BUNDLES);
    }

    @Bean
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        return new UiLanguage(secure);
    }
}
