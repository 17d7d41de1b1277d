package dev.hashi.problem;

/**
 * The catalogue of stable problem codes that the gateway and every service answer with (RFC 9457 problem details
 * carry them in the {@code code} member). Resource-specific codes follow the patterns below, e.g.
 * {@code entry.not-found}; everything else is listed here. docs/api-conventions.md explains each one.
 */
public final class ProblemCodes {

    /** 400: the request has invalid values; the {@code errors} member lists {@code {field, code, message}}. */
    public static final String REQUEST_INVALID = "request.invalid";
    /** 400: the body is not readable as the operation's JSON. */
    public static final String REQUEST_MALFORMED = "request.malformed";
    /** 400: refused at the edge (path tricks, control characters). */
    public static final String REQUEST_REJECTED = "request.rejected";
    /** 405. */
    public static final String METHOD_NOT_ALLOWED = "request.method-not-allowed";
    /** 406. */
    public static final String NOT_ACCEPTABLE = "request.not-acceptable";
    /** 413. */
    public static final String TOO_LARGE = "request.too-large";
    /** 415. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "request.unsupported-media-type";
    /** 431. */
    public static final String HEADERS_TOO_LARGE = "request.headers-too-large";
    /** 401: sign in (or, at a service, come through the gateway). */
    public static final String AUTH_REQUIRED = "auth.required";
    /** 401: the bearer token is invalid or expired. */
    public static final String AUTH_INVALID_TOKEN = "auth.invalid-token";
    /** 403: the caller's roles or locale pairs do not allow the operation. */
    public static final String AUTH_FORBIDDEN = "auth.forbidden";
    /** 404: no route or resource at this path. */
    public static final String ROUTE_NOT_FOUND = "route.not-found";
    /** 412: the resource changed since the version the caller named. */
    public static final String VERSION_CONFLICT = "version.conflict";
    /** 428: the write must name the version it was based on ({@code If-Match}). */
    public static final String VERSION_REQUIRED = "version.required";
    /** 409: the request conflicts with the current state and no more specific code applies. */
    public static final String REQUEST_CONFLICT = "request.conflict";
    /** 409: the same {@code Idempotency-Key} came with a different request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency.key-reused";
    /** 409: a request with the same {@code Idempotency-Key} is still being processed. */
    public static final String IDEMPOTENCY_IN_PROGRESS = "idempotency.in-progress";
    /**
     * 409: the same {@code Idempotency-Key} and request already created something whose response held a secret that
     * is shown only once (an API token); the problem names what was created instead of replaying the secret.
     */
    public static final String IDEMPOTENCY_SECRET_NOT_REPLAYED = "idempotency.secret-not-replayed";
    /** 429. */
    public static final String RATE_LIMITED = "rate.limited";
    /** 500. */
    public static final String INTERNAL_ERROR = "internal.error";
    /** 502/503: a service or dependency could not answer. */
    public static final String DOWNSTREAM_UNAVAILABLE = "downstream.unavailable";
    /** 504. */
    public static final String DOWNSTREAM_TIMEOUT = "downstream.timeout";

    /** Field-error codes inside {@code request.invalid}. */
    public static final String FIELD_REQUIRED = "required";

    public static final String FIELD_RANGE = "range";
    public static final String FIELD_FORMAT = "format";

    private ProblemCodes() {}

    /** {@code <resource>.not-found}, e.g. {@code entry.not-found}. */
    public static String notFound(String resource) {
        return resource + ".not-found";
    }

    /** {@code <resource>.invalid-transition}: the resource's state does not allow the action. */
    public static String invalidTransition(String resource) {
        return resource + ".invalid-transition";
    }
}
