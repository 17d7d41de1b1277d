package dev.hashi.console.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console reaches the platform.
 *
 * @param url     the gateway's base URL ({@code CONSOLE_GATEWAY_URL}, default {@code http://127.0.0.1:8080}); every
 *                call of the console goes there, never to a service directly
 * @param timeout longest wait for one answer of the gateway, connecting included; positive, default 15 s
 */
@ConfigurationProperties("cms.console.gateway")
public record GatewayProperties(URI url, Duration timeout) {

    public GatewayProperties {
        if (url == null) {
            url = URI.create("http://127.0.0.1:8080");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getRawAuthority() == null) {
            throw new IllegalArgumentException("cms.console.gateway.url must be an http(s) base URL, not " + url);
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(15);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cms.console.gateway.timeout must be positive");
        }
    }
}
