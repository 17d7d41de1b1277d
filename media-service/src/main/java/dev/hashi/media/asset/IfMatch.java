package dev.hashi.media.asset;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.VersionRequiredException;

/** The version a write names in {@code If-Match}: an ETag {@code "<version>"} as the asset's reads send it. */
final class IfMatch {

    static final String HEADER = "If-Match";

    private IfMatch() {}

    /** The ETag of {@code version}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version {@code value} names.
     *
     * @throws VersionRequiredException when it is absent
     * @throws InvalidInputException    {@code If-Match} / {@code format} when it is not an ETag of this API
     */
    static long version(String value) {
        if (value == null || value.isBlank()) {
            throw new VersionRequiredException(Asset.RESOURCE);
        }
        String tag = value.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInputException.field(
                HEADER, ProblemCodes.FIELD_FORMAT, "If-Match must be the ETag of the asset you read.", value);
    }
}
