package dev.hashi.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a paged list to its end by following {@code next}, as clients do. */
public final class Lists {

    private Lists() {}

    /** Every item of the list at {@code path} (which may carry filters), in list order. */
    public static ArrayNode all(ServiceClient api, Identity who, String path) {
        ArrayNode items = ServiceClient.JSON.createArrayNode();
        String cursor = null;
        int pages = 0;
        do {
            String separator = path.contains("?") ? "&" : "?";
            String page = cursor == null
                    ? path
                    : path + separator + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Reply reply = api.get(who, page);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            for (JsonNode item : reply.body().path("items")) {
                items.add(item);
            }
            JsonNode next = reply.body().path("next");
            cursor = next.isString() ? next.asString() : null;
            assertThat(++pages).as("pages of " + path).isLessThan(10_000);
        } while (cursor != null);
        return items;
    }
}
