package dev.hashi.content.cache;

import java.util.List;

import org.springframework.http.ETag;

import dev.hashi.digest.Sha256;

/** Entity tags of delivery bodies and the {@code If-None-Match} check (RFC 9110 §13.1.2). */
final class Conditional {

    private Conditional() {}

    /** The strong, quoted tag of {@code body}: its SHA-256 in hexadecimal. */
    static String etag(byte[] body) {
        return "\"" + Sha256.hex(body) + "\"";
    }

    /**
     * Whether {@code ifNoneMatch} (a list of tags, or {@code *}) matches {@code etag} by weak comparison, as a GET or
     * HEAD is answered; {@code false} for an absent or unparseable header.
     */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
            return false;
        }
        List<ETag> tags = ETag.parse(ifNoneMatch);
        ETag current = ETag.create(etag);
        return tags.stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }
}
