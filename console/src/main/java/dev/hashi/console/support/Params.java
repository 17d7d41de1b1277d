package dev.hashi.console.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks values from the console's own URLs and forms before they go into a gateway path, and encodes query values.
 * A path value of the wrong shape is the console's {@code 404}; it never reaches the gateway.
 */
public final class Params {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

    private Params() {}

    /** A unit, entry, asset or token id. */
    public static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return value;
    }

    /** An id from a filter, or {@code null} when absent or malformed (the filter is then not applied). */
    public static String idOrNull(String value) {
        return value != null && ID.matcher(value).matches() ? value : null;
    }

    public static String locale(String value) {
        if (value == null || !LOCALE.matcher(value).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return value;
    }

    /** A locale tag from a filter, or {@code fallback} when absent or malformed (a documented safe default). */
    public static String localeOr(String value, String fallback) {
        return value != null && LOCALE.matcher(value).matches() ? value : fallback;
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
