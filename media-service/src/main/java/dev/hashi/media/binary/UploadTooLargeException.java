package dev.hashi.media.binary;

/** A body passed the upload limit while it was read; nothing of it was kept. */
public class UploadTooLargeException extends RuntimeException {

    private final long limit;

    public UploadTooLargeException(long limit) {
        super("The upload is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
