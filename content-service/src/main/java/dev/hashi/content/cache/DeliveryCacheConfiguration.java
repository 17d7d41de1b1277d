package dev.hashi.content.cache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.hashi.content.common.Locales;
import dev.hashi.events.EventCodec;
import dev.hashi.events.consumer.BroadcastConsumer;

import io.micrometer.core.instrument.binder.MeterBinder;

@Configuration
@EnableConfigurationProperties(DeliveryCacheProperties.class)
class DeliveryCacheConfiguration {

    @Bean
    DeliveryResponses deliveryResponses(DeliveryCacheProperties properties) {
        DeliveryCacheProperties.Cache cache = properties.cache();
        return new DeliveryResponses(
                cache.maxBytes().toBytes(), cache.floorsCapacity(), cache.settle(), System::nanoTime);
    }

    @Bean
    MeterBinder deliveryResponsesMetrics(DeliveryResponses responses) {
        return responses::bindTo;
    }

    @Bean
    DeliveryEvents deliveryEvents(DeliveryResponses responses, KafkaProperties kafka, EventCodec codec) {
        String servers = String.join(",", kafka.getBootstrapServers());
        return new DeliveryEvents(responses, () -> BroadcastConsumer.consumer(servers), codec);
    }

    /** After the identity filter (the caller decides whether the cache may be used), before the controllers. */
    @Bean
    FilterRegistrationBean<DeliveryCacheFilter> deliveryCacheFilter(
            DeliveryResponses responses, Locales locales, DeliveryCacheProperties properties) {
        FilterRegistrationBean<DeliveryCacheFilter> registration =
                new FilterRegistrationBean<>(new DeliveryCacheFilter(responses, locales, properties));
        registration.addUrlPatterns("/api/delivery/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
