package dev.hashi.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs API token records: HMAC-SHA256 over the record's key and value with a key only the gateway holds. A reader
 * applies a record only when its signature verifies, so producing to the token topic is not enough to mint or
 * change a token.
 */
final class TokenRecordSigner {

    /** The Kafka record header carrying the signature. */
    static final String HEADER = "hashi-token-signature";

    private static final byte[] TOMBSTONE = {0};

    private final SecretKeySpec key;

    TokenRecordSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the API token signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key derived from {@code secret} under {@code label}; for the dev profile, where no key is configured. */
    static byte[] derive(String secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    byte[] sign(String recordKey, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] keyBytes = recordKey == null ? new byte[0] : recordKey.getBytes(StandardCharsets.UTF_8);
            mac.update(intBytes(keyBytes.length));
            mac.update(keyBytes);
            mac.update(value == null ? TOMBSTONE : value);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    boolean verifies(String recordKey, byte[] value, byte[] signature) {
        return signature != null && MessageDigest.isEqual(sign(recordKey, value), signature);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
