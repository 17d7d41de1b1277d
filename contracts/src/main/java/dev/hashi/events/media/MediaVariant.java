package dev.hashi.events.media;

/**
 * One stored binary of an asset, as events carry it.
 *
 * @param locale       locale tag the variant is for
 * @param sizeBytes    size in bytes
 * @param contentType  the content type detected from the bytes
 * @param sha256       SHA-256 (hex) of the bytes; also the download's strong ETag
 * @param fileName     the original file name (NFC), for display
 */
public record MediaVariant(String locale, long sizeBytes, String contentType, String sha256, String fileName) {}
