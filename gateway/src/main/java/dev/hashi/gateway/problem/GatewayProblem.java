package dev.hashi.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

import dev.hashi.problem.ProblemCodes;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the gateway answers for a failure: status, stable {@code code}, a detail a person can read, the
 * downstream service involved (or {@code null}), extra headers such as {@code Allow} and extension members such as
 * {@code errors}.
 */
record GatewayProblem(
        HttpStatusCode status,
        String code,
        String detail,
        String service,
        HttpHeaders headers,
        Map<String, Object> members) {

    GatewayProblem(HttpStatusCode status, String code, String detail, String service, HttpHeaders headers) {
        this(status, code, detail, service, headers, Map.of());
    }

    static GatewayProblem of(Throwable error, String service, Duration responseTimeout, String path) {
        if (error instanceof EdgeRejection rejection) {
            return new GatewayProblem(
                    rejection.getStatusCode(),
                    rejection.code(),
                    rejection.getReason(),
                    null,
                    rejection.getHeaders(),
                    rejection.members());
        }
        if (service != null) {
            if (causedBy(error, ServiceUnavailableException.class)
                    || causedBy(error, CallNotPermittedException.class)) {
                return downstream(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "downstream.unavailable",
                        service,
                        "The " + service + " service failed repeatedly and is given a rest; retry in a few seconds.");
            }
            if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
                return downstream(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "downstream.unavailable",
                        service,
                        "The " + service + " service cannot be reached.");
            }
            if (isTimeout(error)) {
                return downstream(
                        HttpStatus.GATEWAY_TIMEOUT,
                        "downstream.timeout",
                        service,
                        "The " + service + " service did not answer within " + responseTimeout.toMillis() + " ms.");
            }
            if (causedBy(error, IOException.class)) {
                return downstream(
                        HttpStatus.BAD_GATEWAY,
                        "downstream.failed",
                        service,
                        "The " + service + " service closed the connection without a complete answer.");
            }
        }
        if (error instanceof ErrorResponse response) {
            return fromErrorResponse(response, service, path);
        }
        return new GatewayProblem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal.error",
                "The gateway failed to handle this request; quote the request id when reporting it.",
                service,
                HttpHeaders.EMPTY);
    }

    static GatewayProblem notFound(String path) {
        return new GatewayProblem(
                HttpStatus.NOT_FOUND, ProblemCodes.ROUTE_NOT_FOUND, nothingServedAt(path), null, HttpHeaders.EMPTY);
    }

    boolean unexpected() {
        return "internal.error".equals(code);
    }

    String title() {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    private static GatewayProblem fromErrorResponse(ErrorResponse response, String service, String path) {
        HttpStatusCode status = response.getStatusCode();
        String detail = response.getBody().getDetail();
        String code = switch (status.value()) {
            case 400 ->
                causedBy((Throwable) response, DecodingException.class)
                        ? ProblemCodes.REQUEST_MALFORMED
                        : ProblemCodes.REQUEST_INVALID;
            case 401 -> ProblemCodes.AUTH_REQUIRED;
            case 403 -> ProblemCodes.AUTH_FORBIDDEN;
            case 404 -> ProblemCodes.ROUTE_NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCodes.NOT_ACCEPTABLE;
            case 409 -> ProblemCodes.REQUEST_CONFLICT;
            case 413 -> ProblemCodes.TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemCodes.RATE_LIMITED;
            case 431 -> ProblemCodes.HEADERS_TOO_LARGE;
            default -> status.is4xxClientError() ? ProblemCodes.REQUEST_INVALID : ProblemCodes.INTERNAL_ERROR;
        };
        if (status.value() == 404) {
            detail = nothingServedAt(path);
        }
        return new GatewayProblem(status, code, detail, service, response.getHeaders());
    }

    private static String nothingServedAt(String path) {
        return "Nothing is served at " + path + ".";
    }

    private static GatewayProblem downstream(HttpStatus status, String code, String service, String detail) {
        return new GatewayProblem(status, code, detail, service, HttpHeaders.EMPTY);
    }

    private static boolean isTimeout(Throwable error) {
        return (error instanceof ErrorResponse response
                        && response.getStatusCode().value() == 504)
                || causedBy(error, java.util.concurrent.TimeoutException.class)
                || causedBy(error, org.springframework.cloud.gateway.support.TimeoutException.class);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
