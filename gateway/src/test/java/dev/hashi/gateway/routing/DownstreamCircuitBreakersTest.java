package dev.hashi.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownstreamCircuitBreakersTest {

    private static final URI SERVICE = URI.create("http://127.0.0.1:1");

    private final ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(
            CircuitBreakerRegistry.ofDefaults(),
            TimeLimiterRegistry.ofDefaults(),
            null,
            new Resilience4JConfigurationProperties());
    private final DownstreamCircuitBreakers breakers = new DownstreamCircuitBreakers(
            factory,
            new DownstreamProperties(
                    List.of(SERVICE),
                    List.of(SERVICE),
                    List.of(SERVICE),
                    SERVICE,
                    Duration.ofSeconds(1),
                    Duration.ofMillis(200),
                    Duration.ofSeconds(30)));

    @Test
    void everyRouteOfAServiceSharesOneBreakerFromTheFactorysRegistry() {
        assertThat(breakers.filter("content")).isSameAs(breakers.filter("content"));
        assertThat(breakers.filter("content")).isNotSameAs(breakers.filter("media"));
        assertThat(factory.getCircuitBreakerRegistry().find("content"))
                .as("the breaker is in the registry whose metrics are published")
                .isPresent();
    }

    @Test
    void tenFailedCallsOpenTheBreakerAndTheNextIsRefusedAsUnavailableWithoutReachingTheService() {
        GatewayFilter filter = breakers.filter("content");
        AtomicInteger reached = new AtomicInteger();
        GatewayFilterChain failing = exchange -> Mono.defer(() -> {
            reached.incrementAndGet();
            return Mono.error(new IllegalStateException("connection refused"));
        });
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> filter.filter(exchange(), failing).block())
                    .isInstanceOf(IllegalStateException.class);
        }

        assertThat(factory.getCircuitBreakerRegistry().circuitBreaker("content").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> filter.filter(exchange(), failing).block())
                .satisfies(refused -> assertThat(Exceptions.unwrap(refused))
                        .as("the problem handler answers it with 503 service.unavailable")
                        .isInstanceOf(ServiceUnavailableException.class));
        assertThat(reached).hasValue(10);
    }

    @Test
    void downstreamClientErrorsAreAnswersNotFailures() {
        GatewayFilter filter = breakers.filter("translation");
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> filter.filter(
                                    exchange(),
                                    exchange -> Mono.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE)))
                            .block())
                    .isInstanceOf(ResponseStatusException.class);
        }

        assertThat(breakers.breaker("translation").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCallPastTheTimeLimitIsAGatewayTimeoutAndCountsAsAFailure() {
        assertThatThrownBy(() -> breakers.filter("media")
                        .filter(exchange(), exchange -> Mono.never())
                        .block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        timeout -> assertThat(timeout.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT));

        assertThat(breakers.breaker("media").getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void transfersHaveTheTransferTimeoutAsTheirTimeLimit() {
        assertThat(breakers.filter(DownstreamRoutes.TRANSFERS).toString()).contains("PT30S");
        assertThat(breakers.filter("content").toString()).contains("PT1.2S");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/content/info"));
    }
}
