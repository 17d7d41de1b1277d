package dev.hashi.service.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import com.mongodb.client.MongoDatabase;

import dev.hashi.service.mongo.MongoSupport;

/** {@code Idempotency-Key} support for every service with a database ({@code cms.http.idempotency-ttl}, default 24h). */
@AutoConfiguration(after = MongoSupport.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoDatabase.class)
public class IdempotencySupport {

    @Bean
    IdempotencyKeys idempotencyKeys(
            MongoDatabase database,
            @Value("${cms.http.idempotency-ttl:24h}") Duration ttl,
            ObjectProvider<Clock> clock) {
        return new IdempotencyKeys(database, ttl, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys));
        // after request ids, body limits and identity, so keys are scoped per verified caller
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
