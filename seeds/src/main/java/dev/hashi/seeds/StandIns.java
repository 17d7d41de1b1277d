package dev.hashi.seeds;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generated stand-in files for the originals the page lists but nobody has: exactly the stated number of bytes,
 * the same bytes on every run (seeded by the asset's key, so a second upload is recognised by its SHA-256), starting
 * with the signature of their type so that the type detected from them is the one declared (the OLE2 header of a
 * {@code .ppt}, {@code %PDF-} for a PDF) and carrying a line that says they are stand-ins. Generated while read,
 * never held whole.
 */
final class StandIns {

    static final String MARK = "Hashi seed stand-in file: the original is not available. ";

    private StandIns() {}

    /** The stand-in's bytes as a stream. */
    static InputStream open(String assetKey, String contentType, long size) {
        byte[] head = head(assetKey, contentType);
        byte[] tail =
                contentType.equals("application/pdf") ? "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        return new Generated(assetKey.hashCode(), size, head, tail);
    }

    private static byte[] head(String assetKey, String contentType) {
        byte[] mark = (MARK + assetKey + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        if (contentType.equals("application/pdf")) {
            signature = ("%PDF-1.4\n% " + MARK + assetKey + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
                    .getBytes(StandardCharsets.US_ASCII);
            return signature;
        }
        if (contentType.equals("application/vnd.ms-powerpoint")) {
            signature =
                    new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                    };
        } else {
            signature = new byte[0];
        }
        byte[] head = new byte[signature.length + mark.length];
        System.arraycopy(signature, 0, head, 0, signature.length);
        System.arraycopy(mark, 0, head, signature.length, mark.length);
        return head;
    }

    /** {@code size} bytes: the head, pseudo-random bytes, the tail. */
    private static final class Generated extends InputStream {
        private final SplittableRandom random;
        private final byte[] head;
        private final byte[] tail;
        private final long size;
        private long position;

        Generated(long seed, long size, byte[] head, byte[] tail) {
            this.random = new SplittableRandom(seed);
            this.size = size;
            this.head = head;
            this.tail = tail;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                long fromEnd = size - at;
                byte value = (byte) random.nextInt(256);
                if (at < head.length) {
                    value = head[(int) at];
                } else if (fromEnd <= tail.length) {
                    value = tail[(int) (tail.length - fromEnd)];
                }
                buffer[offset + i] = value;
            }
            position += n;
            return n;
        }
    }
}
