package dev.hashi.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.hashi.identity.Identity;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a paged list to its end by following {@code next}, as clients do, and checks the paging convention of
 * {@code docs/api-conventions.md} on every page: {@code 200}, an {@code items} array of at most {@code limit} items,
 * and a {@code Link: <…cursor=next…>; rel="next"} header exactly when there is a {@code next} cursor.
 */
public final class Lists {

    private static final int MAX_PAGES = 10_000;

    private Lists() {}

    /** Every item of the list at {@code path} (which may carry filters and {@code limit}), in list order. */
    public static List<JsonNode> all(ServiceClient api, Identity who, String path) {
        return all(page -> api.get(who, page), path);
    }

    /**
     * Every item of the list at {@code path}, reading each page with {@code get} (given the page's path and query),
     * for lists that need more than a service identity, such as the gateway's behind a bearer token.
     */
    public static List<JsonNode> all(Function<String, Reply> get, String path) {
        List<JsonNode> items = new ArrayList<>();
        int limit = limitOf(path);
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        int pages = 0;
        do {
            String page = cursor == null
                    ? path
                    : path + separator + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Reply reply = get.apply(page);
            assertThat(reply.status()).as(page + " -> " + reply.raw()).isEqualTo(200);
            JsonNode served = reply.body().path("items");
            assertThat(served.isArray()).as(page + ": items").isTrue();
            assertThat(served.size()).as(page + ": items on a page").isLessThanOrEqualTo(limit);
            served.forEach(items::add);
            JsonNode next = reply.body().path("next");
            cursor = next.isString() ? next.asString() : null;
            String link = reply.header("Link");
            if (cursor == null) {
                assertThat(link == null ? "" : link)
                        .as(page + ": Link on the last page")
                        .doesNotContain("rel=\"next\"");
            } else {
                assertThat(link)
                        .as(page + ": Link of a page with a next one")
                        .contains("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                        .endsWith("rel=\"next\"");
            }
            assertThat(++pages).as("pages of " + path).isLessThan(MAX_PAGES);
        } while (cursor != null);
        return items;
    }

    /** The text of {@code field} of every item of the list at {@code path}, in list order. */
    public static List<String> all(ServiceClient api, Identity who, String path, String field) {
        return all(api, who, path).stream()
                .map(item -> item.path(field).asString())
                .toList();
    }

    private static int limitOf(String path) {
        for (String parameter : path.replaceFirst("^[^?]*\\??", "").split("&")) {
            if (parameter.startsWith("limit=")) {
                return Integer.parseInt(parameter.substring("limit=".length()));
            }
        }
        return 20;
    }
}
