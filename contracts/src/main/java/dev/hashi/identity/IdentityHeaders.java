package dev.hashi.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.hashi.digest.Sha256;

/**
 * The identity the gateway forwards to services, as headers it sets itself (after removing any the client sent),
 * signed with HMAC-SHA256 under a secret shared by the gateway and the services. The signature covers the identity,
 * the time, a nonce the signer generates, and the request: method, raw path, raw query, {@code Content-Type}, the
 * declared body length, a SHA-256 digest of the body (unless the body is streamed, see {@link #BODY_DIGEST}) and the
 * request id. A verifier must also check the body against the digest and remember the nonce for the skew window
 * ({@link Verified}); the canonical form is described in {@code docs/security.md}.
 */
public final class IdentityHeaders {

    public static final String SUBJECT = "X-Hashi-Subject";
    public static final String ROLES = "X-Hashi-Roles";
    public static final String LOCALE_PAIRS = "X-Hashi-Locale-Pairs";
    public static final String TIME = "X-Hashi-Identity-Time";
    /** 128 random bits, base64url without padding, new for every signature. */
    public static final String NONCE = "X-Hashi-Identity-Nonce";
    /**
     * {@code sha-256=:<base64>:} (the RFC 9530 {@code Content-Digest} form) of the body as sent, {@link #EMPTY_BODY}
     * for a request without a body; absent when the body is streamed and its content is not covered (only its
     * declared length is).
     */
    public static final String BODY_DIGEST = "X-Hashi-Body-Digest";

    public static final String SIGNATURE = "X-Hashi-Identity-Signature";
    /** Every header of the identity; the gateway strips all of them from client requests. */
    public static final Set<String> ALL = Set.of(SUBJECT, ROLES, LOCALE_PAIRS, TIME, NONCE, BODY_DIGEST, SIGNATURE);

    /** The digest of an empty body. */
    public static final String EMPTY_BODY = digest(new byte[0]);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "hashi-identity-2";
    private static final Pattern NONCE_FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final Duration maxSkew;
    /** Keyed once, never used directly: every signature uses a copy, so threads never share its state. */
    private volatile Mac prototype;

    /**
     * What of a request the signature covers besides the identity, time, nonce and body digest.
     *
     * @param method      HTTP method
     * @param rawPath     the path as sent, percent-encoding untouched
     * @param rawQuery    the query as sent, without {@code ?}; {@code null} or empty for none
     * @param contentType the {@code Content-Type} header as sent; {@code null} for none
     * @param bodyLength  the declared {@code Content-Length}; 0 (or less) when none is declared
     * @param requestId   the {@code X-Request-Id} sent; {@code null} for none
     */
    public record SignedRequest(
            String method, String rawPath, String rawQuery, String contentType, long bodyLength, String requestId) {

        /** A request without a query or a body. */
        public static SignedRequest of(String method, String rawPath, String requestId) {
            return new SignedRequest(method, rawPath, null, null, 0, requestId);
        }

        private String canonical() {
            return String.join(
                    "\n",
                    method,
                    rawPath,
                    rawQuery == null ? "" : rawQuery,
                    contentType == null ? "" : contentType,
                    String.valueOf(Math.max(bodyLength, 0)),
                    requestId == null ? "" : requestId);
        }
    }

    /**
     * A verified signature. Before acting on the request the verifier still has to compare {@link #bodyDigest} with
     * the body it received and refuse a {@link #nonce} it saw within the skew window.
     *
     * @param bodyDigest the signed digest of the body, {@code null} when the body is streamed and only its declared
     *                   length is covered
     * @param time       the signing time, epoch seconds
     */
    public record Verified(Identity identity, String nonce, long time, String bodyDigest) {}

    /**
     * @param secret  the shared secret, at least 32 bytes of UTF-8
     * @param maxSkew how old (or how far in the future) a signature may be
     */
    public IdentityHeaders(String secret, Duration maxSkew) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("the gateway secret must be at least 32 bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxSkew = maxSkew;
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    /**
     * The headers to set on {@code request}, with a new nonce.
     *
     * @param bodyDigest {@link #digest} of the body, {@link #EMPTY_BODY} without one, {@code null} for a streamed
     *                   body whose content is not covered
     */
    public Map<String, String> sign(Identity identity, SignedRequest request, String bodyDigest, Instant now) {
        return sign(identity, request, bodyDigest, newNonce(), now);
    }

    Map<String, String> sign(Identity identity, SignedRequest request, String bodyDigest, String nonce, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SUBJECT, identity.subject());
        headers.put(ROLES, roles(identity));
        headers.put(LOCALE_PAIRS, pairs(identity));
        headers.put(TIME, String.valueOf(now.getEpochSecond()));
        headers.put(NONCE, nonce);
        if (bodyDigest != null) {
            headers.put(BODY_DIGEST, bodyDigest);
        }
        headers.put(SIGNATURE, signature(headers, request));
        return headers;
    }

    /**
     * Headers for a request without a query or a body.
     *
     * @deprecated the signature now covers the query and the body: use {@link #sign(Identity, SignedRequest, String,
     *     Instant)} (services calling services: {@code ServiceIdentity} in service-support). A request signed here
     *     with a query is refused.
     */
    @Deprecated(forRemoval = true)
    public Map<String, String> sign(Identity identity, String method, String rawPath, String requestId, Instant now) {
        return sign(identity, SignedRequest.of(method, rawPath, requestId), EMPTY_BODY, now);
    }

    /**
     * The verified signature carried by {@code headers} (looked up by exact name) for {@code request}, or empty when
     * it is missing, wrong, expired or the values are malformed.
     */
    public Optional<Verified> verify(Map<String, String> headers, SignedRequest request, Instant now) {
        String subject = headers.get(SUBJECT);
        String roles = headers.get(ROLES);
        String pairs = headers.getOrDefault(LOCALE_PAIRS, "");
        String time = headers.get(TIME);
        String nonce = headers.get(NONCE);
        String bodyDigest = headers.get(BODY_DIGEST);
        String given = headers.get(SIGNATURE);
        if (subject == null || roles == null || time == null || nonce == null || given == null) {
            return Optional.empty();
        }
        if (!NONCE_FORM.matcher(nonce).matches()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(time);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(maxSkew) > 0) {
            return Optional.empty();
        }
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put(SUBJECT, subject);
        signed.put(ROLES, roles);
        signed.put(LOCALE_PAIRS, pairs);
        signed.put(TIME, time);
        signed.put(NONCE, nonce);
        if (bodyDigest != null) {
            signed.put(BODY_DIGEST, bodyDigest);
        }
        byte[] expected = signature(signed, request).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Set<Role> parsedRoles = new TreeSet<>();
            for (String role : roles.split(",")) {
                parsedRoles.add(Role.fromSignedWire(role).orElseThrow(() -> new IllegalArgumentException(role)));
            }
            Set<LocalePair> parsedPairs = pairs.isEmpty()
                    ? Set.of()
                    : java.util.Arrays.stream(pairs.split(","))
                            .map(LocalePair::parse)
                            .collect(Collectors.toSet());
            return Optional.of(
                    new Verified(new Identity(subject, parsedRoles, parsedPairs), nonce, seconds, bodyDigest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code sha-256=:<base64>:} of {@code body}. */
    public static String digest(byte[] body) {
        return digest(body, 0, body.length);
    }

    /** {@code sha-256=:<base64>:} of {@code length} bytes of {@code body} from {@code offset}. */
    public static String digest(byte[] body, int offset, int length) {
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update(body, offset, length);
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256.digest()) + ":";
    }

    /** 128 random bits, base64url without padding (22 characters). */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String signature(Map<String, String> identity, SignedRequest request) {
        String canonical = String.join(
                "\n",
                VERSION,
                identity.get(SUBJECT),
                identity.get(ROLES),
                identity.get(LOCALE_PAIRS),
                identity.get(TIME),
                identity.get(NONCE),
                identity.getOrDefault(BODY_DIGEST, "-"),
                request.canonical());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(newMac().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A MAC keyed with the secret: a copy of one keyed once (looking up and keying a MAC on every request was a
     * measurable share of the gateway's CPU), or a newly keyed one where the provider cannot copy.
     */
    private Mac newMac() {
        try {
            Mac keyed = prototype;
            if (keyed == null) {
                keyed = Mac.getInstance(ALGORITHM);
                keyed.init(new SecretKeySpec(secret, ALGORITHM));
                prototype = keyed;
            }
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(secret, ALGORITHM));
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException failure) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", failure);
            }
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String roles(Identity identity) {
        return identity.roles().stream().sorted().map(Role::wireName).collect(Collectors.joining(","));
    }

    private static String pairs(Identity identity) {
        return identity.localePairs().stream()
                .map(LocalePair::toString)
                .sorted()
                .collect(Collectors.joining(","));
    }
}
