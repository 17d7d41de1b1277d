package dev.hashi.gateway.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.hashi.locale.LocaleException;
import dev.hashi.locale.LocaleNegotiator;
import dev.hashi.locale.SupportedLocales;

/**
 * Which delivery requests the cache may answer, and their cache key: the raw path, the query without {@code locale}
 * (its parameters in name order, values in their order), and the locale content-service will negotiate for the
 * request ({@code ?locale=} wins, else {@code Accept-Language}, else the default; {@code locale=*} keys as {@code *}).
 * So {@code Accept-Language: ja-JP,ja;q=0.9} and {@code ?locale=ja} share one entry, and garbage shares the
 * default's.
 *
 * <p>Cacheable: anonymous (no {@code Authorization}, which also carries API tokens) {@code GET} and {@code HEAD} of
 * {@code /api/delivery/entries/**}, {@code /api/delivery/search} and {@code /api/delivery/locales}, without
 * {@code preview}. Never {@code /api/delivery/changes}. A {@code locale} the services would refuse (invalid,
 * unsupported, repeated, percent-encoded) and percent-encoded parameter names go upstream uncached, so the key never
 * disagrees with what content-service reads.
 */
final class DeliveryRequests {

    static final String DELIVERY = "/api/delivery/";

    private static final String ENTRIES = "/api/delivery/entries/";
    private static final String SEARCH = "/api/delivery/search";
    private static final String LOCALES = "/api/delivery/locales";
    private static final String ANY_LOCALE = "*";
    private static final Comparator<String> BY_NAME = Comparator.comparing(DeliveryRequests::name);

    private final SupportedLocales supported;
    private final LocaleNegotiator negotiator;
    /** Accept-Language header → negotiated tag: ICU matching once per distinct header, not per hit. */
    private final Cache<String, String> negotiated =
            Caffeine.newBuilder().maximumSize(1024).build();
    /** {@code ?locale=} value → supported tag, or {@link #REFUSED}: parsed once per distinct value, not per hit. */
    private final Cache<String, String> parameters =
            Caffeine.newBuilder().maximumSize(1024).build();

    private static final String REFUSED = "";

    DeliveryRequests(LocaleProperties locales) {
        this.supported = locales.supportedLocales();
        this.negotiator = new LocaleNegotiator(supported);
    }

    /** Whether {@code path} (raw) is a delivery path, cached or not. */
    static boolean isDelivery(String path) {
        return path.startsWith(DELIVERY);
    }

    /** The cache key of {@code request}, or {@code null} when it must go upstream uncached. */
    String keyOf(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return null;
        }
        String path = request.getPath().value();
        if (!(path.startsWith(ENTRIES) || path.equals(SEARCH) || path.equals(LOCALES))) {
            return null;
        }
        HttpHeaders headers = request.getHeaders();
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
            return null;
        }
        String query = request.getURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return path + " " + fromHeader(headers);
        }
        String locale = null;
        List<String> kept = new ArrayList<>(4);
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = name(parameter);
            if (name.indexOf('%') >= 0 || name.indexOf('+') >= 0 || name.equals("preview")) {
                return null;
            }
            if (name.equals("locale")) {
                if (locale != null) {
                    return null;
                }
                locale =
                        fromParameter(parameter.length() > name.length() ? parameter.substring(name.length() + 1) : "");
                if (locale == null) {
                    return null;
                }
            } else {
                kept.add(parameter);
            }
        }
        if (locale == null) {
            locale = fromHeader(headers);
        }
        if (kept.isEmpty()) {
            return path + " " + locale;
        }
        kept.sort(BY_NAME);
        return path + "?" + String.join("&", kept) + " " + locale;
    }

    private String fromParameter(String value) {
        if (value.equals(ANY_LOCALE)) {
            return ANY_LOCALE;
        }
        if (value.isEmpty() || value.indexOf('%') >= 0 || value.indexOf('+') >= 0) {
            return null;
        }
        String tag = value.length() > 64 ? supportedTag(value) : parameters.get(value, this::supportedTag);
        return tag.equals(REFUSED) ? null : tag;
    }

    private String supportedTag(String value) {
        try {
            return supported.require(value).tag();
        } catch (LocaleException refused) {
            return REFUSED;
        }
    }

    private String fromHeader(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.ACCEPT_LANGUAGE);
        if (values == null || values.isEmpty()) {
            return supported.defaultLocale().tag();
        }
        String header = values.size() == 1 ? values.get(0) : String.join(",", values);
        if (header.length() > LocaleNegotiator.MAX_HEADER_LENGTH) {
            return supported.defaultLocale().tag(); // ignored by the negotiator too; not worth a cache slot
        }
        return negotiated.get(header, h -> negotiator.fromAcceptLanguage(h).tag());
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }
}
