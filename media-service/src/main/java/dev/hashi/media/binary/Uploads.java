package dev.hashi.media.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;

import org.springframework.stereotype.Service;

import com.mongodb.client.gridfs.GridFSUploadStream;

import dev.hashi.digest.Sha256;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/**
 * Streams an upload into GridFS: never more than one buffer of it in memory, its SHA-256 computed and its size
 * counted while it is read, its type detected from its first bytes. Whatever goes wrong — the limit passed, an
 * empty body, active content under a harmless declared type, the client gone — the temporary GridFS file is
 * aborted (its chunks deleted) before the failure goes on, so nothing of a refused upload stays.
 */
@Service
public class Uploads {

    private static final int BUFFER = 64 * 1024;

    private final Binaries binaries;
    private final long maxBytes;

    Uploads(Binaries binaries, UploadsProperties properties) {
        this.binaries = binaries;
        this.maxBytes = properties.maxSize().toBytes();
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores {@code body}, once per SHA-256.
     *
     * @param declaredType   the content type the client declared, or {@code null}
     * @param fileName       the validated display name, or {@code null}; helps detection
     * @param declaredLength the declared length, or -1 when unknown; one over the limit is refused before reading
     * @throws UploadTooLargeException when the body passes {@link #maxBytes()}
     * @throws InvalidInputException   {@code body} / {@code required} for an empty body, {@code Content-Type} /
     *                                 {@code media.type-mismatch} for active bytes declared as something else
     * @throws UncheckedIOException    when the body cannot be read (the client went away)
     */
    public StoredBinary store(InputStream body, String declaredType, String fileName, long declaredLength) {
        if (declaredLength > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        GridFSUploadStream out = binaries.openTemporary(fileName == null ? "upload" : fileName);
        boolean written = false;
        try {
            MessageDigest digest = Sha256.newDigest();
            byte[] prefix = new byte[ContentTypes.PREFIX];
            int prefixLength = 0;
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (n == 0) {
                    continue;
                }
                size += n;
                if (size > maxBytes) {
                    throw new UploadTooLargeException(maxBytes);
                }
                if (prefixLength < prefix.length) {
                    int copied = Math.min(n, prefix.length - prefixLength);
                    System.arraycopy(buffer, 0, prefix, prefixLength, copied);
                    prefixLength += copied;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            if (size == 0) {
                throw InvalidInputException.field("body", ProblemCodes.FIELD_REQUIRED, "An upload needs some bytes.");
            }
            byte[] head = Arrays.copyOf(prefix, prefixLength);
            String detected = ContentTypes.detect(head, fileName);
            ContentTypes.requireDeclared(declaredType, detected, head);
            out.close();
            written = true;
            return binaries.keep(out.getObjectId(), Sha256.hex(digest), size, detected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!written) {
                out.abort();
            }
        }
    }
}
