package dev.hashi.content.changes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/**
 * Where the feed resumes: the next offset to read in each partition of the content topic. Its opaque form is
 * URL-safe Base64 of {@code c1:<partition>.<offset>,…} in partition order; only the exact form this class writes
 * is accepted back. A partition the cursor does not name is read from its beginning.
 */
record ChangeCursor(SortedMap<Integer, Long> offsets) {

    /** The query parameter that carries it. */
    static final String PARAMETER = "since";

    private static final String VERSION = "c1:";
    private static final int MAX_LENGTH = 2048;
    private static final Pattern FORM = Pattern.compile("c1:(\\d{1,5}\\.\\d{1,19}(,\\d{1,5}\\.\\d{1,19})*)?");

    ChangeCursor {
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
    }

    /** The start of the log. */
    static ChangeCursor beginning() {
        return new ChangeCursor(new TreeMap<>());
    }

    static ChangeCursor of(Map<Integer, Long> offsets) {
        return new ChangeCursor(new TreeMap<>(offsets));
    }

    /** The opaque form clients see. */
    String encode() {
        StringBuilder plain = new StringBuilder(VERSION);
        offsets.forEach((partition, offset) -> {
            if (plain.length() > VERSION.length()) {
                plain.append(',');
            }
            plain.append(partition).append('.').append(offset);
        });
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back.
     *
     * @throws InvalidInputException naming {@code since} with code {@code format} when it is not one this feed wrote
     */
    static ChangeCursor decode(String opaque) {
        if (opaque.length() <= MAX_LENGTH) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8);
                if (FORM.matcher(plain).matches()) {
                    TreeMap<Integer, Long> offsets = new TreeMap<>();
                    if (plain.length() > VERSION.length()) {
                        for (String pair : plain.substring(VERSION.length()).split(",")) {
                            int dot = pair.indexOf('.');
                            offsets.put(
                                    Integer.parseInt(pair.substring(0, dot)), Long.parseLong(pair.substring(dot + 1)));
                        }
                    }
                    ChangeCursor cursor = new ChangeCursor(offsets);
                    if (cursor.encode().equals(opaque)) {
                        return cursor;
                    }
                }
            } catch (IllegalArgumentException e) {
                // refused below; NumberFormatException is one
            }
        }
        throw invalid(
                ProblemCodes.FIELD_FORMAT,
                "The cursor is not one this feed issued; start again without it.",
                opaque.length() <= 200 ? opaque : null);
    }

    /** {@code request.invalid} naming {@code since}. */
    static InvalidInputException invalid(String code, String message, String value) {
        return InvalidInputException.field(PARAMETER, code, message, value);
    }
}
