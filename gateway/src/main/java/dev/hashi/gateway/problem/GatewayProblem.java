package dev.hashi.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the gateway answers for a failure: status, stable {@code code}, a detail a person can read, the
 * downstream service involved (or {@code null}) and extra headers such as {@code Allow}.
 */
record GatewayProblem(HttpStatusCode status, String code, String detail, String service, HttpHeaders headers) {

    static GatewayProblem of(Throwable error, String service, Duration responseTimeout, String path) {
        if (error instanceof EdgeRejection rejection) {
            return new GatewayProblem(
                    rejection.getStatusCode(), rejection.code(), rejection.getReason(), null, rejection.getHeaders());
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
            case 404 -> "route.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> (status.is4xxClientError() ? "request." : "gateway.") + status.value();
        };
        if (status.value() == 404) {
            detail = "Nothing is served at " + path + ".";
        }
        return new GatewayProblem(status, code, detail, service, response.getHeaders());
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
