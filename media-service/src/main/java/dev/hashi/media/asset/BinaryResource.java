package dev.hashi.media.asset;

import java.io.InputStream;
import java.util.function.Supplier;

import org.springframework.core.io.AbstractResource;

/**
 * A variant's bytes as a {@link org.springframework.core.io.Resource}: each {@link #getInputStream()} opens a new
 * GridFS stream (ranges skip to their chunk), and the length is the stored size, so nothing reads the bytes to
 * learn it.
 */
final class BinaryResource extends AbstractResource {

    private final Supplier<InputStream> open;
    private final long length;
    private final long lastModified;
    private final String description;

    BinaryResource(Supplier<InputStream> open, long length, long lastModified, String description) {
        this.open = open;
        this.length = length;
        this.lastModified = lastModified;
        this.description = description;
    }

    @Override
    public InputStream getInputStream() {
        return open.get();
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public long lastModified() {
        return lastModified;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getFilename() {
        return null;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
