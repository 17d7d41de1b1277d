package dev.hashi.service.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Request ids, body size limits ({@code cms.http.max-body-size}, default 1MB, and {@code cms.http.body-limits} by path), problem responses, the shared web
 * conventions (command context, paging) and the info endpoint.
 */
@AutoConfiguration
@EnableConfigurationProperties({ServiceSettings.class, BodyLimits.class})
@Import({ProblemResponses.class, ServiceInfoController.class, WebConventions.class, WebConventions.NextPageLink.class})
public class WebSupport {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PathGuardFilter> pathGuardFilter() {
        FilterRegistrationBean<PathGuardFilter> registration = new FilterRegistrationBean<>(new PathGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(BodyLimits limits) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(
                limits.maxBodySize().toBytes(),
                limits.bodyLimits().stream()
                        .map(limit -> new BodySizeLimitFilter.PathLimit(
                                limit.path(), limit.maxSize().toBytes()))
                        .toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
