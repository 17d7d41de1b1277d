package dev.hashi.service.command;

import java.util.regex.Pattern;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.VersionRequiredException;

/** Entity tags: a resource's ETag is its version, and writes name the version they were based on in If-Match. */
public final class Versions {

    /** The header a write names its version in, also the field of its errors. */
    public static final String IF_MATCH = "If-Match";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}).
     *
     * @param resource the resource written, for the problem
     * @throws VersionRequiredException when the header is absent or blank
     * @throws InvalidInputException    {@code If-Match} / {@code format} when it is not one version tag
     */
    public static long ifMatch(String header, String resource) {
        if (header == null || header.isBlank()) {
            throw new VersionRequiredException(resource);
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (DIGITS.matcher(tag).matches()) {
            return Long.parseLong(tag);
        }
        throw InvalidInputException.field(
                IF_MATCH, ProblemCodes.FIELD_FORMAT, "If-Match must be one ETag of this " + resource + ".", header);
    }

    /** Like {@link #ifMatch} but {@code null} when the header is absent. */
    public static Long optionalIfMatch(String header, String resource) {
        return header == null || header.isBlank() ? null : ifMatch(header, resource);
    }
}
