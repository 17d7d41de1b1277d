package dev.hashi.console.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.signin.ConsoleUser;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /pages/{entryId}/preview/{locale}}: the page as delivery shows it in a locale, draft included — the
 * delivery API's editor preview ({@code ?preview=true}), each value with the locale it is really in (a fallback is
 * marked) and its {@code lang}.
 */
@Controller
class PreviewController {

    private final GatewayApi gateway;

    PreviewController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    /** One delivered value: where it sits, its text, the locale it is in and whether that is a fallback. */
    record Shown(String path, String text, String locale, boolean fallback) {}

    @GetMapping("/pages/{entryId}/preview/{locale}")
    String preview(@PathVariable String entryId, @PathVariable String locale, ConsoleUser user, Model model) {
        String id = Ids.entry(entryId);
        String tag = Ids.locale(locale);
        JsonNode entry = gateway.get(user.token(), "/api/content/entries/" + id).body();
        String slug = entry.path("slugs").path(tag).asString(null);
        if (slug == null) {
            for (JsonNode any : entry.path("slugs")) {
                slug = any.asString(null);
                break;
            }
        }
        JsonNode delivered = gateway.get(
                        user.token(),
                        "/api/delivery/entries/" + Ids.query(entry.path("type").asString()) + "/"
                                + Ids.query(slug == null ? id : slug) + "?preview=true&locale=" + Ids.query(tag))
                .body();
        List<Shown> shown = new ArrayList<>();
        flatten(delivered.path("fields"), "", shown);
        model.addAttribute("entryId", id);
        model.addAttribute("locale", tag);
        model.addAttribute("delivered", delivered);
        model.addAttribute("shown", shown);
        return "pages/preview";
    }

    private static void flatten(JsonNode fields, String prefix, List<Shown> shown) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!prefix.isEmpty() && key.equals("id")) {
                continue;
            }
            String path = prefix.isEmpty() ? key : prefix + " › " + key;
            if (value.isArray()) {
                for (JsonNode item : value) {
                    flatten(item, path + " › " + item.path("id").asString(""), shown);
                }
            } else if (value.isObject() && value.has("value")) {
                JsonNode text = value.has("formatted") ? value.path("formatted") : value.path("value");
                shown.add(new Shown(
                        path,
                        text.isString() ? text.asString() : text.toString(),
                        value.path("locale").asString(null),
                        value.path("fallback").asBoolean(false)));
            }
        }
    }
}
