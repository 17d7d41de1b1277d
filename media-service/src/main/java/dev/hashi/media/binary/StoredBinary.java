package dev.hashi.media.binary;

import java.time.Instant;

/**
 * Bytes kept in GridFS, once per SHA-256.
 *
 * @param sha256       SHA-256 (hex) of the bytes
 * @param fileId       the GridFS file holding them (hex object id)
 * @param sizeBytes    their size
 * @param detectedType the content type detected from the bytes
 * @param storedAt     when these bytes were first stored
 */
public record StoredBinary(String sha256, String fileId, long sizeBytes, String detectedType, Instant storedAt) {}
