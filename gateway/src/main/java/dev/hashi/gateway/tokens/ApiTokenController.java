package dev.hashi.gateway.tokens;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.gateway.problem.EdgeRejection;

import reactor.core.publisher.Mono;

/** Admin API for API tokens: {@code /api/tokens}. Only admins reach it (see the security configuration). */
@RestController
@RequestMapping("/api/tokens")
@Validated
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    Mono<ResponseEntity<CreatedToken>> create(@Valid @RequestBody CreateToken request, Principal admin) {
        int days = request.validDays() == null ? 90 : request.validDays();
        List<String> pairs = request.localePairs() == null ? List.of() : request.localePairs();
        try {
            return tokens.create(request.name(), request.roles(), pairs, Duration.ofDays(days), admin.getName())
                    .map(created -> ResponseEntity.created(
                                    URI.create("/api/tokens/" + created.token().id()))
                            .body(CreatedToken.of(created)));
        } catch (IllegalArgumentException e) {
            throw new EdgeRejection(HttpStatus.BAD_REQUEST, "token.invalid", e.getMessage());
        }
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id) {
        return tokens.revoke(id)
                .map(revoked -> ResponseEntity.noContent().<Void>build())
                .switchIfEmpty(Mono.error(() -> new EdgeRejection(
                        HttpStatus.NOT_FOUND, "token.not-found", "There is no API token " + id + ".")));
    }

    /**
     * @param validDays lifetime in days (default 90, at most the configured maximum)
     */
    record CreateToken(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[\\p{L}\\p{N} ._-]+")
            String name,

            @NotEmpty @Size(max = 5) List<@Pattern(regexp = "[a-z]{1,20}") String> roles,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z0-9*-]{1,35}:[A-Za-z0-9*-]{1,35}") String> localePairs,
            @Min(1) @Max(3650) Integer validDays) {}

    /** The token secret appears here once and never again. */
    record CreatedToken(
            String id, String name, String token, List<String> roles, List<String> localePairs, Instant expiresAt) {
        static CreatedToken of(ApiTokens.Created created) {
            ApiToken t = created.token();
            return new CreatedToken(t.id(), t.name(), created.secret(), t.roles(), t.localePairs(), t.expiresAt());
        }
    }

    record TokenView(
            String id,
            String name,
            List<String> roles,
            List<String> localePairs,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.roles(),
                    t.localePairs(),
                    t.createdAt(),
                    t.createdBy(),
                    t.expiresAt(),
                    t.revokedAt());
        }
    }
}
