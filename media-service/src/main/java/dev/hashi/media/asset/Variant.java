package dev.hashi.media.asset;

import java.time.Instant;
import java.util.Objects;

import dev.hashi.events.media.MediaVariant;

/**
 * One locale's binary of an asset.
 *
 * @param locale       the locale tag it is for
 * @param sha256       SHA-256 (hex) of its bytes; the download's strong ETag
 * @param fileId       the GridFS file holding the bytes (shared by every variant with the same bytes)
 * @param sizeBytes    size in bytes
 * @param contentType  the type detected from the bytes; what downloads declare
 * @param declaredType the type the uploader declared
 * @param fileName     the original file name (NFC), for display and {@code Content-Disposition}
 * @param storageName  an ASCII name safe on any file system
 * @param storedAt     when this variant was stored; the download's {@code Last-Modified}
 */
public record Variant(
        String locale,
        String sha256,
        String fileId,
        long sizeBytes,
        String contentType,
        String declaredType,
        String fileName,
        String storageName,
        Instant storedAt) {

    public Variant {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileId, "fileId");
    }

    /** The variant as events carry it. */
    public MediaVariant event() {
        return new MediaVariant(locale, sizeBytes, contentType, sha256, fileName);
    }
}
