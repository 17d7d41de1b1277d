package dev.hashi.service.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Request ids, body size limits ({@code cms.http.max-body-size}, default 1MB), problem responses, the shared web
 * conventions (command context, paging) and the info endpoint.
 */
@AutoConfiguration
@EnableConfigurationProperties(ServiceSettings.class)
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
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${cms.http.max-body-size:1MB}") DataSize limit) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
