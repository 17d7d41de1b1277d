package dev.hashi.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

/**
 * One circuit breaker per downstream service. It opens when at least half of the last 20 calls (10 at least)
 * failed (no connection, no answer in time, connection broken), then rejects calls with 503 for 10 seconds before
 * letting 3 trial calls through. Downstream error responses (4xx, 5xx) are answers, not failures, and so is the
 * gateway refusing the client's request while it is forwarded (a streamed body past its limit). The time limit is a
 * safety net one second behind the route's response timeout, so the response timeout is what callers see; media
 * binary transfers have their own breaker whose time limit is the transfer timeout.
 *
 * <p>Each route's filter holds its breaker and time limit, looked up once when the routes are built. The framework's
 * circuit-breaker filter looked both up in their registries on every request (about 9 % of a proxied request's
 * samples in a JFR profile). The breakers live in the Spring Cloud Resilience4J factory's registry, so their metrics
 * are published as before; a call the open breaker refuses becomes a 503 and a call past the time limit a 504, as
 * with the framework's filter.
 */
@Component
class DownstreamCircuitBreakers {

    static final Duration TIME_LIMIT_MARGIN = Duration.ofSeconds(1);

    /** The tag the Resilience4J factory gives the breakers it creates, kept for the metrics' labels. */
    private static final String GROUP_TAG = "group";

    private final ReactiveResilience4JCircuitBreakerFactory factory;
    private final CircuitBreakerConfig config;
    private final Duration timeLimit;
    private final Duration transferLimit;
    private final Map<String, GatewayFilter> filters = new ConcurrentHashMap<>();

    DownstreamCircuitBreakers(ReactiveResilience4JCircuitBreakerFactory factory, DownstreamProperties downstream) {
        this.factory = factory;
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .ignoreException(DownstreamCircuitBreakers::clientError)
                .build();
        this.timeLimit = downstream.responseTimeout().plus(TIME_LIMIT_MARGIN);
        this.transferLimit = downstream.transferTimeout();
    }

    /** The filter of the breaker named {@code name}: a service, or {@value DownstreamRoutes#TRANSFERS}. */
    GatewayFilter filter(String name) {
        return filters.computeIfAbsent(name, this::create);
    }

    /** The breaker named {@code name}, as the routes use it. */
    CircuitBreaker breaker(String name) {
        return factory.getCircuitBreakerRegistry().circuitBreaker(name, config, Map.of(GROUP_TAG, name));
    }

    private GatewayFilter create(String name) {
        return new BreakerFilter(breaker(name), DownstreamRoutes.TRANSFERS.equals(name) ? transferLimit : timeLimit);
    }

    private static boolean clientError(Throwable error) {
        return error instanceof ResponseStatusException refused
                && refused.getStatusCode().is4xxClientError();
    }

    private record BreakerFilter(CircuitBreaker breaker, Duration timeLimit) implements GatewayFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            return chain.filter(exchange)
                    .transform(CircuitBreakerOperator.of(breaker))
                    .timeout(timeLimit)
                    .doOnError(
                            TimeoutException.class,
                            late -> breaker.onError(timeLimit.toMillis(), TimeUnit.MILLISECONDS, late))
                    .onErrorMap(
                            TimeoutException.class,
                            late -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, late.getMessage(), late))
                    .onErrorMap(CallNotPermittedException.class, refused -> new ServiceUnavailableException());
        }

        @Override
        public String toString() {
            return "CircuitBreaker[" + breaker.getName() + ", time limit " + timeLimit + "]";
        }
    }
}
