package dev.hashi.gateway.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    DeliveryCacheFilter deliveryCacheFilter(
            DeliveryCache cache, DeliveryCacheProperties properties, LocaleProperties locales) {
        return new DeliveryCacheFilter(new DeliveryRequests(locales), cache, properties);
    }

    @Bean
    InternalHeaders internalDeliveryHeaders() {
        return new InternalHeaders();
    }
}
