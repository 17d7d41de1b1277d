package dev.hashi.gateway.health;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code GET /api/health}: 200 when {@code UP} or {@code DEGRADED}, 503 when the gateway itself is {@code DOWN}. */
@RestController
class HealthController {

    private final DownstreamHealth downstreamHealth;

    HealthController(DownstreamHealth downstreamHealth) {
        this.downstreamHealth = downstreamHealth;
    }

    @GetMapping(path = "/api/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AggregatedHealth>> health() {
        return downstreamHealth
                .check()
                .map(health -> ResponseEntity.status(
                                health.status() == AggregatedHealth.Status.DOWN
                                        ? HttpStatus.SERVICE_UNAVAILABLE
                                        : HttpStatus.OK)
                        .cacheControl(CacheControl.noStore())
                        .body(health));
    }
}
