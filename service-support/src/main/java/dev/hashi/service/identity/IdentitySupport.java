package dev.hashi.service.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;

/** Verifies the gateway's identity headers and lets controllers take the caller as an {@link Identity} parameter. */
@AutoConfiguration
@EnableConfigurationProperties(SecuritySettings.class)
public class IdentitySupport implements WebMvcConfigurer {

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
        FilterRegistrationBean<IdentityFilter> registration = new FilterRegistrationBean<>(
                new IdentityFilter(headers, settings.requireGateway() && !dev, Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Identity.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return IdentityFilter.identityOf(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
