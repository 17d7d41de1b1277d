package dev.hashi.service.identity;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import dev.hashi.identity.IdentityHeaders;

/** Verifies the gateway's identity headers; controllers take the caller as a parameter (see WebConventions). */
@AutoConfiguration
@EnableConfigurationProperties(SecuritySettings.class)
public class IdentitySupport {

    @Bean
    FilterRegistrationBean<IdentityFilter> identityFilter(
            SecuritySettings settings, @Value("${cms.profile:prod}") String profile) {
        boolean dev = "dev".equals(profile);
        String secret = settings.gatewaySecret();
        if (secret == null || secret.isBlank()) {
            if (!dev) {
                throw new IllegalStateException(
                        "HASHI_GATEWAY_SECRET (cms.security.gateway-secret) must be set outside "
                                + "the dev profile: services only trust identities the gateway signed with it");
            }
            secret = UUID.randomUUID() + "-" + UUID.randomUUID();
        }
        IdentityHeaders headers = new IdentityHeaders(secret, settings.maxSkew());
        FilterRegistrationBean<IdentityFilter> registration = new FilterRegistrationBean<>(new IdentityFilter(
                headers,
                settings.requireGateway() && !dev,
                Clock.systemUTC(),
                settings.replayCacheSize(),
                settings.serviceAccess()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
