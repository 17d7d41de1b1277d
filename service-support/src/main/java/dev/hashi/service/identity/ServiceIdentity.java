package dev.hashi.service.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;

/**
 * A service's own identity, {@code service:<name>} with the role {@code service}, for the calls it makes to other
 * services on its own behalf (not on a user's): it signs them exactly as the gateway signs forwarded requests, with
 * the shared secret ({@code cms.security.gateway-secret}). The receiving service serves such a call only where its
 * {@code cms.security.service-access.<name>} lists the operation.
 *
 * <pre>{@code
 * ServiceIdentity self = ServiceIdentity.of("translation", secret);
 * self.sign("GET", uri, null, null, requestId).forEach(request::header);
 * }</pre>
 */
public final class ServiceIdentity {

    private final Identity identity;
    private final IdentityHeaders signer;
    private final Clock clock;

    private ServiceIdentity(Identity identity, IdentityHeaders signer, Clock clock) {
        this.identity = identity;
        this.signer = signer;
        this.clock = clock;
    }

    /** The identity of service {@code name} (e.g. {@code translation}), signing with the shared {@code secret}. */
    public static ServiceIdentity of(String name, String secret) {
        return new ServiceIdentity(
                Identity.service(name), new IdentityHeaders(secret, Duration.ofSeconds(60)), Clock.systemUTC());
    }

    public Identity identity() {
        return identity;
    }

    /**
     * The identity headers for one request to {@code target} (its raw path and raw query are signed as given: send
     * exactly this URI). A new nonce each time: sign every request, retries included.
     *
     * @param body        the exact bytes sent, or {@code null} for none
     * @param contentType the {@code Content-Type} sent with the body, or {@code null}
     * @param requestId   the {@code X-Request-Id} sent, or {@code null}
     */
    public Map<String, String> sign(String method, URI target, byte[] body, String contentType, String requestId) {
        IdentityHeaders.SignedRequest request = new IdentityHeaders.SignedRequest(
                method,
                target.getRawPath(),
                target.getRawQuery(),
                contentType,
                body == null ? 0 : body.length,
                requestId);
        String digest = body == null ? IdentityHeaders.EMPTY_BODY : IdentityHeaders.digest(body);
        return signer.sign(identity, request, digest, clock.instant());
    }

    /** Whether {@code caller} is the service {@code name} calling on its own behalf. */
    public static boolean calledBy(Identity caller, String name) {
        return caller.isService() && caller.serviceName().filter(name::equals).isPresent();
    }
}
