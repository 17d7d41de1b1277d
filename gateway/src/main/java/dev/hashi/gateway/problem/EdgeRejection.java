package dev.hashi.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses itself (authentication, authorization, rate limit, size, hostile input), answered
 * as problem+json with a stable {@code code}; extra response headers (e.g. {@code Retry-After}) go with it. It carries
 * no stack trace: it is an answer, never logged with one, and filling one in cost every refusal a walk of a deep
 * reactive stack.
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

    @Override
    public synchronized Throwable fillInStackTrace() {
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
