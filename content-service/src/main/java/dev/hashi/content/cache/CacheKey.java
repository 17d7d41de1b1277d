package dev.hashi.content.cache;

import java.util.List;
import java.util.Map;

/**
 * What a cached delivery response is kept under: the path, the query parameters other than {@code locale} (sorted by
 * name, each name's values in the order sent) and the negotiated locale ({@code *} for {@code ?locale=*}).
 */
record CacheKey(String path, Map<String, List<String>> query, String locale) {

    static final String LOCALE = "locale";
    static final String ALL_LOCALES = "*";
}
