package dev.hashi.content.common;

import org.springframework.http.HttpStatus;

import dev.hashi.service.web.ApiProblem;

/** Entity tags: an entry's ETag is its version, and writes name the version they were based on in If-Match. */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by an {@code If-Match} header.
     *
     * @throws ApiProblem 428 {@code entry.if-match-required} when absent, 400 {@code entry.if-match-invalid} when it
     *                    is not one entity tag this service issued
     */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "entry.if-match-required",
                    "Send If-Match with the ETag you read, so concurrent edits are not lost.");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "entry.if-match-invalid",
                            "If-Match must be one ETag of this entry.")
                    .with("value", header);
        }
    }

    public static ApiProblem conflict(String entryId, long currentVersion) {
        return new ApiProblem(
                        HttpStatus.PRECONDITION_FAILED,
                        "entry.version-conflict",
                        "The entry changed since you read it; reload and apply your change again.")
                .with("entryId", entryId)
                .with("currentVersion", currentVersion);
    }
}
