package dev.hashi.gateway.tokens;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hashi.digest.Sha256;
import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.paging.PagingRules;
import dev.hashi.problem.ProblemCodes;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Admin API for API tokens: {@code /api/tokens}. Only admins reach it (see the security configuration). */
@RestController
@RequestMapping("/api/tokens")
@Validated
class ApiTokenController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final java.util.regex.Pattern SAFE_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Creates a token. With an {@code Idempotency-Key}, a retry of the same request creates nothing more: it is
     * answered 409 {@code idempotency.secret-not-replayed} naming the token's {@code id}, because the secret is
     * shown only in the first response and kept nowhere (see docs/api-conventions.md, Idempotency).
     */
    @PostMapping
    Mono<ResponseEntity<CreatedToken>> create(
            @Valid @RequestBody CreateToken request,
            Principal admin,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        int days = request.validDays() == null ? 90 : request.validDays();
        List<String> pairs = request.localePairs() == null ? List.of() : request.localePairs();
        ApiToken.IdempotencyKey key = idempotencyKey == null ? null : idempotency(idempotencyKey, admin, request);
        try {
            return tokens.create(request.name(), request.roles(), pairs, Duration.ofDays(days), admin.getName(), key)
                    .map(outcome -> answer(outcome, idempotencyKey));
        } catch (IllegalArgumentException e) {
            throw new EdgeRejection(HttpStatus.BAD_REQUEST, "token.invalid", e.getMessage());
        }
    }

    /**
     * Every token, newest first, in pages ({@code limit} 1 to 100, default 20; {@code cursor} from {@code next}).
     * The list is in memory, so {@code total} is always given.
     */
    @GetMapping
    ResponseEntity<TokenPage> list(
            @RequestParam(name = PagingRules.CURSOR, required = false) String cursor,
            @RequestParam(name = PagingRules.LIMIT, required = false) String limit,
            ServerHttpRequest http) {
        TokenPaging.Request page = TokenPaging.parse(cursor, limit);
        List<ApiToken> fetched = tokens.list(page.afterCreatedAt(), page.afterId(), page.limit() + 1);
        List<ApiToken> served = fetched.size() > page.limit() ? fetched.subList(0, page.limit()) : fetched;
        String next = fetched.size() > page.limit() ? TokenPaging.cursorAfter(served.get(served.size() - 1)) : null;
        TokenPage body = new TokenPage(served.stream().map(TokenView::of).toList(), next, (long) tokens.count());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            answer.header(HttpHeaders.LINK, TokenPaging.nextLink(http.getURI(), next));
        }
        return answer.body(body);
    }

    private static ApiToken.IdempotencyKey idempotency(String key, Principal admin, CreateToken request) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new EdgeRejection(
                            HttpStatus.BAD_REQUEST,
                            ProblemCodes.REQUEST_INVALID,
                            "Idempotency-Key must be 1 to 255 characters of letters, digits and . _ : -")
                    .with(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    IDEMPOTENCY_KEY,
                                    "code",
                                    ProblemCodes.FIELD_FORMAT,
                                    "message",
                                    "Not a valid key.")));
        }
        String fingerprint = Sha256.hex("POST /api/tokens\n" + JSON.writeValueAsString(request));
        return new ApiToken.IdempotencyKey(Sha256.hex(admin.getName() + "\n" + key), fingerprint);
    }

    private static ResponseEntity<CreatedToken> answer(ApiTokens.Outcome outcome, String key) {
        if (outcome instanceof ApiTokens.Created created) {
            return ResponseEntity.created(
                            URI.create("/api/tokens/" + created.token().id()))
                    .body(CreatedToken.of(created));
        }
        if (outcome instanceof ApiTokens.AlreadyCreated done) {
            throw new EdgeRejection(
                            HttpStatus.CONFLICT,
                            ProblemCodes.IDEMPOTENCY_SECRET_NOT_REPLAYED,
                            "This Idempotency-Key already created API token "
                                    + done.token().id()
                                    + "; its secret was shown only in that first response. Use it if you kept it,"
                                    + " or revoke that token and create a new one with a new key.")
                    .with("key", key)
                    .with("resource", "token")
                    .with("id", done.token().id())
                    .withHeader(REPLAYED, "true");
        }
        if (outcome instanceof ApiTokens.KeyReused) {
            throw new EdgeRejection(
                            HttpStatus.CONFLICT,
                            ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key for a new request.")
                    .with("key", key);
        }
        throw new EdgeRejection(
                        HttpStatus.CONFLICT,
                        ProblemCodes.IDEMPOTENCY_IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed; retry shortly.")
                .with("key", key)
                .withHeader(HttpHeaders.RETRY_AFTER, "1");
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

    /** One page of the token list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenPage(List<TokenView> items, String next, Long total) {}

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
