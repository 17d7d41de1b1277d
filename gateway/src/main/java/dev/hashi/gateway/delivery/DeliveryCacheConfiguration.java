package dev.hashi.gateway.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.SecurityWebFilterChain;

import dev.hashi.gateway.ratelimit.RateLimitFilter;

import io.micrometer.core.instrument.binder.MeterBinder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryCacheProperties.class, LocaleProperties.class})
class DeliveryCacheConfiguration {

    @Bean
    DeliveryCache deliveryCache(DeliveryCacheProperties properties) {
        return new DeliveryCache(properties.maxBytes().toBytes(), properties.floorCapacity());
    }

    @Bean
    MeterBinder deliveryCacheMetrics(DeliveryCache cache) {
        return cache::bindTo;
    }

    /** Reads the eviction events only when the cache is enabled; without them the cache stays unused. */
    @Bean
    @ConditionalOnProperty(name = "cms.gateway.delivery-cache.enabled", havingValue = "true", matchIfMissing = true)
    DeliveryEvictions deliveryEvictions(DeliveryCache cache, DeliveryCacheProperties properties) {
        return new DeliveryEvictions(cache, properties.bootstrapServers());
    }

    @Bean
    DeliveryRequests deliveryRequests(LocaleProperties locales) {
        return new DeliveryRequests(locales);
    }

    @Bean
    DeliveryCacheFilter deliveryCacheFilter(
            DeliveryRequests requests, DeliveryCache cache, DeliveryCacheProperties properties) {
        return new DeliveryCacheFilter(requests, cache, properties);
    }

    /** Cache hits for anonymous reads without the security chain; only with the cache enabled. */
    @Bean
    @ConditionalOnProperty(name = "cms.gateway.delivery-cache.enabled", havingValue = "true", matchIfMissing = true)
    AnonymousDeliveryHits anonymousDeliveryHits(
            DeliveryRequests requests,
            DeliveryCache cache,
            RateLimitFilter rateLimit,
            SecurityWebFilterChain security) {
        return new AnonymousDeliveryHits(requests, cache, rateLimit, security);
    }

    @Bean
    InternalHeaders internalDeliveryHeaders() {
        return new InternalHeaders();
    }
}
