package dev.hashi.content.cache;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import dev.hashi.content.common.Locales;

/**
 * What a cached delivery response is kept under: the path, the query parameters other than {@code locale} (sorted by
 * name, each name's values in the order sent) and the negotiated locale ({@code *} for {@code ?locale=*}).
 */
record CacheKey(String path, Map<String, List<String>> query, String locale) {

    static final String LOCALE = "locale";
    static final String ALL_LOCALES = "*";

    /**
     * The key of {@code request}, empty when it cannot be told without the controller: more than one
     * {@code locale} parameter, or a locale that does not negotiate (the controller answers the problem).
     */
    static Optional<CacheKey> of(HttpServletRequest request, Locales locales) {
        String[] asked = request.getParameterValues(LOCALE);
        if (asked != null && asked.length > 1) {
            return Optional.empty();
        }
        String param = asked == null ? null : asked[0];
        String locale;
        if (ALL_LOCALES.equals(param)) {
            locale = ALL_LOCALES;
        } else {
            try {
                locale = locales.negotiate(param, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            } catch (RuntimeException refused) {
                return Optional.empty();
            }
        }
        Map<String, List<String>> query = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(LOCALE)) {
                query.put(name, List.of(values));
            }
        });
        return Optional.of(new CacheKey(request.getRequestURI(), query, locale));
    }
}
