package dev.hashi.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks path values before they go into a gateway URL, and encodes query values. */
final class Ids {

    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Ids() {}

    /** An entry id as the console accepts it in its own URLs; anything else is the console's 404. */
    static String entry(String id) {
        return require(ENTRY_ID, id);
    }

    static String locale(String tag) {
        return require(LOCALE, tag);
    }

    /** A content type key, or {@code null} for none. */
    static String typeOrNull(String type) {
        return type == null || type.isBlank() ? null : require(TYPE, type);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String require(Pattern pattern, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return value;
    }
}
