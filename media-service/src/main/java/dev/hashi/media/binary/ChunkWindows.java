package dev.hashi.media.binary;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.bson.types.ObjectId;

/**
 * A GridFS file's bytes read a bounded window of chunks at a time ({@code n} in {@code [i, i + window)}, served by
 * the unique {@code files_id, n} index), so no single reply holds more than the window, whatever the file's size and
 * whatever batch size the server chooses. The driver's own download stream asks for every remaining chunk in one
 * query, which a server that ignores batch sizes answers in one message (over the driver's 48 MB limit for files of
 * about that size). Skipping moves to the chunk holding the new position without reading the ones before it.
 */
final class ChunkWindows extends InputStream {

    /** Reads the data of chunks {@code n} in {@code [from, to)} of a GridFS file, in {@code n} order. */
    @FunctionalInterface
    interface ChunkReader {
        List<byte[]> read(ObjectId fileId, int from, int to);
    }

    private final ChunkReader chunks;
    private final ObjectId fileId;
    private final long length;
    private final int chunkSize;
    private final int window;
    private final Deque<byte[]> fetched = new ArrayDeque<>();

    private long position;
    private int nextChunk;
    private byte[] current;
    private int offset;

    ChunkWindows(ChunkReader chunks, ObjectId fileId, long length, int chunkSize, int window) {
        this.chunks = chunks;
        this.fileId = fileId;
        this.length = length;
        this.chunkSize = chunkSize;
        this.window = window;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        if (current == null || offset >= current.length) {
            current = nextChunk();
            offset = (int) (position % chunkSize);
        }
        int n = (int) Math.min(Math.min(len, current.length - offset), length - position);
        System.arraycopy(current, offset, buffer, off, n);
        offset += n;
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        if (n <= 0) {
            return 0;
        }
        long target = Math.min(length, position + n);
        long skipped = target - position;
        position = target;
        int chunk = (int) (position / chunkSize);
        boolean sameChunk = current != null && chunk == nextChunk - fetched.size() - 1;
        if (sameChunk) {
            offset = (int) (position % chunkSize);
        } else {
            fetched.clear();
            current = null;
            nextChunk = chunk;
        }
        return skipped;
    }

    @Override
    public int available() {
        return current == null ? 0 : Math.max(0, current.length - offset);
    }

    private byte[] nextChunk() throws IOException {
        if (fetched.isEmpty()) {
            int expected = nextChunk;
            fetched.addAll(chunks.read(fileId, nextChunk, nextChunk + window));
            if (fetched.isEmpty()) {
                throw new IOException("GridFS file " + fileId + " has no chunk " + expected);
            }
            nextChunk += fetched.size();
        }
        return fetched.poll();
    }
}
