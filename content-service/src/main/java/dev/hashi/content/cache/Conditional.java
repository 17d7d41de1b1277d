package dev.hashi.content.cache;

import dev.hashi.digest.Sha256;

/** Entity tags of delivery bodies. */
final class Conditional {

    private Conditional() {}

    /** The strong, quoted tag of {@code body}: its SHA-256 in hexadecimal. */
    static String etag(byte[] body) {
        return "\"" + Sha256.hex(body) + "\"";
    }
}
