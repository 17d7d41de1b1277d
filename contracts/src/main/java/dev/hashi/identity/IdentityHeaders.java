package dev.hashi.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity the gateway forwards to services, as headers it sets itself (after removing any the client sent),
 * signed with HMAC-SHA256 under a secret shared by the gateway and the services. The signature covers the
 * identity, the time, the HTTP method, the raw path and the request id, so headers copied from one request are
 * useless for another, and a request that bypassed the gateway cannot claim an identity.
 */
public final class IdentityHeaders {

    public static final String SUBJECT = "X-Hashi-Subject";
    public static final String ROLES = "X-Hashi-Roles";
    public static final String LOCALE_PAIRS = "X-Hashi-Locale-Pairs";
    public static final String TIME = "X-Hashi-Identity-Time";
    public static final String SIGNATURE = "X-Hashi-Identity-Signature";
    /** Every header of the identity; the gateway strips all of them from client requests. */
    public static final Set<String> ALL = Set.of(SUBJECT, ROLES, LOCALE_PAIRS, TIME, SIGNATURE);

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final Duration maxSkew;
    /** Keyed once, never used directly: every signature uses a copy, so threads never share its state. */
    private volatile Mac prototype;

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

    /** The headers to set on a forwarded request. */
    public Map<String, String> sign(Identity identity, String method, String rawPath, String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SUBJECT, identity.subject());
        headers.put(ROLES, roles(identity));
        headers.put(LOCALE_PAIRS, pairs(identity));
        headers.put(TIME, String.valueOf(now.getEpochSecond()));
        headers.put(SIGNATURE, signature(headers, method, rawPath, requestId));
        return headers;
    }

    /**
     * The identity carried by {@code headers} (looked up by exact name), or empty when the signature is missing,
     * wrong, expired or the values are malformed.
     */
    public Optional<Identity> verify(
            Map<String, String> headers, String method, String rawPath, String requestId, Instant now) {
        String subject = headers.get(SUBJECT);
        String roles = headers.get(ROLES);
        String pairs = headers.getOrDefault(LOCALE_PAIRS, "");
        String time = headers.get(TIME);
        String given = headers.get(SIGNATURE);
        if (subject == null || roles == null || time == null || given == null) {
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
        byte[] expected = signature(signed, method, rawPath, requestId).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Set<Role> parsedRoles = new TreeSet<>();
            for (String role : roles.split(",")) {
                parsedRoles.add(Role.fromWire(role).orElseThrow(() -> new IllegalArgumentException(role)));
            }
            Set<LocalePair> parsedPairs = pairs.isEmpty()
                    ? Set.of()
                    : java.util.Arrays.stream(pairs.split(","))
                            .map(LocalePair::parse)
                            .collect(Collectors.toSet());
            return Optional.of(new Identity(subject, parsedRoles, parsedPairs));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(Map<String, String> identity, String method, String rawPath, String requestId) {
        String canonical = String.join(
                "\n",
                identity.get(SUBJECT),
                identity.get(ROLES),
                identity.get(LOCALE_PAIRS),
                identity.get(TIME),
                method,
                rawPath,
                requestId == null ? "" : requestId);
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
