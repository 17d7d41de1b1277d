package dev.hashi.media.observability;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bytes media-service keeps and serves: {@code hashi.media.stored.bytes} counts the bytes of each new blob (identical
 * bytes uploaded again are not stored again, so not counted), {@code hashi.media.streamed.bytes} the bytes read from
 * storage for responses.
 */
@Component
public class MediaMetrics {

    private final Counter stored;
    private final Counter streamed;

    public MediaMetrics(MeterRegistry registry) {
        this.stored = Counter.builder("hashi.media.stored.bytes")
                .baseUnit("bytes")
                .description("bytes of new blobs kept in storage")
                .register(registry);
        this.streamed = Counter.builder("hashi.media.streamed.bytes")
                .baseUnit("bytes")
                .description("bytes read from storage for responses")
                .register(registry);
    }

    /** Counts a new blob of {@code bytes}. */
    public void stored(long bytes) {
        stored.increment(bytes);
    }

    /** {@code in}, counting every byte read from it as streamed. */
    public InputStream streaming(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    streamed.increment();
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int read = super.read(buffer, off, len);
                if (read > 0) {
                    streamed.increment(read);
                }
                return read;
            }
        };
    }
}
