package dev.hashi.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses itself (authentication, authorization, rate limit, size, hostile input), answered
 * as problem+json with a stable {@code code}; extra response headers (e.g. {@code Retry-After}) go with it.
 */
public class EdgeRejection extends ResponseStatusException {

    private final String code;
    private final HttpHeaders extraHeaders = new HttpHeaders();

    public EdgeRejection(HttpStatus status, String code, String detail) {
        super(status, detail);
        this.code = code;
    }

    /** Adds a response header. */
    public EdgeRejection withHeader(String name, String value) {
        extraHeaders.add(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    @Override
    public HttpHeaders getHeaders() {
        return extraHeaders;
    }
}
