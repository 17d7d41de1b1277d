package dev.hashi.service.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.hashi.events.outbox.EventTooLargeException;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.FieldError;

/**
 * The one mapper from failures to RFC 9457 problem details ({@code application/problem+json}) for every service:
 * {@link DomainException}s by their kind, framework failures by the catalogue in
 * {@link ProblemCodes}. Every problem carries {@code code}, {@code instance} and {@code requestId}; invalid input
 * carries {@code errors} ({@code field, code, message}). Unexpected exceptions are logged and answered as a 500
 * without internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** The HTTP status of each kind of domain failure. */
    public static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case VERSION_CONFLICT -> HttpStatus.PRECONDITION_FAILED;
            case VERSION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException failure, WebRequest request) {
        HttpStatus status = statusOf(failure.kind());
        ProblemDetail body = problem(status, failure.code(), failure.getMessage(), failure.errors());
        failure.details().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (failure.kind() == DomainException.Kind.UNAUTHENTICATED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return handleExceptionInternal(failure, body, headers, status, request);
    }

    @ExceptionHandler(EventTooLargeException.class)
    ResponseEntity<Object> eventTooLarge(EventTooLargeException failure, WebRequest request) {
        ProblemDetail body = problem(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemCodes.TOO_LARGE,
                "This change is too large to record in one step; split it into smaller changes.",
                List.of());
        body.setProperty("eventSize", failure.size());
        body.setProperty("maxEventSize", failure.maximum());
        return handleExceptionInternal(failure, body, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException failure, WebRequest request) {
        String value = failure.getValue() == null ? null : String.valueOf(failure.getValue());
        return invalid(
                List.of(new FieldError(
                        failure.getName(), ProblemCodes.FIELD_FORMAT, "This value has the wrong form.", value)),
                failure,
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) throws Exception {
        log.error("unhandled failure", failure);
        ProblemDetail body = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemCodes.INTERNAL_ERROR,
                "The server failed to handle this request; quote the request id when reporting it.",
                List.of());
        return handleExceptionInternal(failure, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodySizeLimitFilter.hasTooLargeCause(failure)) {
            ProblemDetail body = problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemCodes.TOO_LARGE,
                    "The request body is larger than this service accepts.",
                    List.of());
            return handleExceptionInternal(failure, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                ProblemCodes.REQUEST_MALFORMED,
                "The request body is not valid JSON for this operation.",
                List.of());
        return handleExceptionInternal(failure, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = failure.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(
                        error.getField(), codeOf(error.getCode()), String.valueOf(error.getDefaultMessage()), null))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(FieldError.of("body", ProblemCodes.FIELD_FORMAT, "The request body is invalid."));
        }
        return invalid(errors, failure, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = failure.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                result.getMethodParameter().getParameterName(),
                                codeOf(error.getCodes() == null ? null : error.getCodes()[error.getCodes().length - 1]),
                                String.valueOf(error.getDefaultMessage()),
                                result.getArgument() == null ? null : String.valueOf(result.getArgument()))))
                .toList();
        return invalid(errors, failure, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException failure,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(
                List.of(FieldError.of(
                        failure.getParameterName(), ProblemCodes.FIELD_REQUIRED, "This parameter is required.")),
                failure,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = failure instanceof MissingRequestHeaderException missing ? missing.getHeaderName() : "request";
        return invalid(
                List.of(FieldError.of(field, ProblemCodes.FIELD_REQUIRED, "This value is required.")),
                failure,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Map<String, Object> properties = problem.getProperties();
            if (properties == null || !properties.containsKey("code")) {
                problem.setProperty("code", frameworkCode(failure, status));
            }
            if (request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
            problem.setProperty("requestId", RequestIdFilter.current());
        }
        return response;
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors, Exception failure, WebRequest request) {
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                ProblemCodes.REQUEST_INVALID,
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : "The request has " + errors.size() + " invalid values; see errors.",
                errors);
        return handleExceptionInternal(failure, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    /** A framework failure's code from the catalogue. */
    private static String frameworkCode(Exception failure, HttpStatusCode status) {
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return ProblemCodes.ROUTE_NOT_FOUND;
        }
        if (failure instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCodes.METHOD_NOT_ALLOWED;
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemCodes.NOT_ACCEPTABLE;
        }
        return switch (status.value()) {
            case 400 -> ProblemCodes.REQUEST_INVALID;
            case 404 -> ProblemCodes.ROUTE_NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCodes.NOT_ACCEPTABLE;
            case 413 -> ProblemCodes.TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemCodes.DOWNSTREAM_UNAVAILABLE;
            default -> ProblemCodes.INTERNAL_ERROR;
        };
    }

    /** Bean Validation constraint names ({@code NotBlank}, {@code Size}) as field-error codes. */
    private static String codeOf(String constraint) {
        if (constraint == null) {
            return ProblemCodes.FIELD_FORMAT;
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> ProblemCodes.FIELD_REQUIRED;
            case "Size", "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" ->
                ProblemCodes.FIELD_RANGE;
            default -> ProblemCodes.FIELD_FORMAT;
        };
    }
}
