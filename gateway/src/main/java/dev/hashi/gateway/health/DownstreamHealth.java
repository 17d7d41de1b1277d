package dev.hashi.gateway.health;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import dev.hashi.gateway.delivery.LocaleProperties;
import dev.hashi.gateway.routing.DownstreamProperties;
import dev.hashi.locale.SupportedLocales;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks every replica of every downstream service for its {@code /actuator/health} in parallel, each within the
 * configured timeout; a service with several replicas is UP when at least one of them is ({@link ServiceHealth#of}).
 */
@Component
class DownstreamHealth {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private final Map<String, List<URI>> services;
    private final Duration timeout;
    private final ApplicationAvailability availability;
    private final WebClient client;
    /** The services' answers, shared by concurrent callers and reused for {@code cms.gateway.health.cache}. */
    private final Mono<Map<String, ServiceHealth>> servicesHealth;

    private final SupportedLocales locales;

    DownstreamHealth(
            DownstreamProperties downstream,
            HealthProperties health,
            ApplicationAvailability availability,
            LocaleProperties locales) {
        this.locales = locales.supportedLocales();
        this.services = downstream.services();
        this.timeout = health.timeout();
        this.availability = availability;
        HttpClient http =
                HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()));
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        Mono<Map<String, ServiceHealth>> ask = Mono.defer(this::askServices);
        this.servicesHealth = health.cache().isZero() ? ask : ask.cache(health.cache());
    }

    Mono<AggregatedHealth> check() {
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return servicesHealth.map(all -> AggregatedHealth.of(ready, all, locales));
    }

    private Mono<Map<String, ServiceHealth>> askServices() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> Flux.fromIterable(service.getValue())
                        .flatMapSequential(this::probe)
                        .collectList()
                        .map(replicas -> Map.entry(service.getKey(), ServiceHealth.of(replicas))))
                .collect(LinkedHashMap<String, ServiceHealth>::new, (all, one) -> all.put(one.getKey(), one.getValue()))
                .map(Collections::unmodifiableMap);
    }

    private Mono<ServiceHealth> probe(URI service) {
        return client.get()
                .uri(service.resolve("/actuator/health"))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    return response.bodyToMono(JSON_OBJECT)
                            .map(body -> ServiceHealth.fromActuator(body, status))
                            .onErrorResume(
                                    unreadable -> Mono.just(ServiceHealth.down("unreadable answer, HTTP " + status)))
                            .defaultIfEmpty(ServiceHealth.down("empty answer, HTTP " + status));
                })
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(ServiceHealth.down(describe(failure))));
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return "request failed: " + failure.getClass().getSimpleName();
    }
}
