package dev.hashi.gateway.routing;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * One circuit breaker per downstream service. It opens when at least half of the last 20 calls (10 at least)
 * failed (no connection, no answer in time, connection broken), then rejects calls with 503 for 10 seconds before
 * letting 3 trial calls through. Downstream error responses (4xx, 5xx) are answers, not failures, and so is the
 * gateway refusing the client's request while it is forwarded (a streamed body past its limit). The time limiter
 * is a safety net one second behind the route's response timeout, so the response timeout is what callers see;
 * media binary transfers have their own breaker whose time limit is the transfer timeout.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamCircuitBreakers {

    static final Duration TIME_LIMIT_MARGIN = Duration.ofSeconds(1);

    private static boolean clientError(Throwable error) {
        return error instanceof ResponseStatusException refused
                && refused.getStatusCode().is4xxClientError();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> downstreamCircuitBreakerDefaults(
            DownstreamProperties downstream) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .ignoreException(DownstreamCircuitBreakers::clientError)
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                .timeoutDuration(downstream.responseTimeout().plus(TIME_LIMIT_MARGIN))
                .build();
        TimeLimiterConfig transferLimit = TimeLimiterConfig.custom()
                .timeoutDuration(downstream.transferTimeout())
                .build();
        return factory -> {
            factory.configureDefault(name -> new Resilience4JConfigBuilder(name)
                    .circuitBreakerConfig(breaker)
                    .timeLimiterConfig(timeLimiter)
                    .build());
            factory.configure(
                    builder -> builder.circuitBreakerConfig(breaker).timeLimiterConfig(transferLimit),
                    DownstreamRoutes.TRANSFERS);
        };
    }
}
