package dev.hashi.console.pages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.signin.ConsoleUser;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /pages?type=&cursor=}: pages of a type (or all), each with a badge per locale: its workflow state,
 * "changed since published" (from the content API's ready-to-publish list) and "translations waiting" (a localized
 * value lacks the locale). An htmx request for another type or page gets the table only.
 */
@Controller
class PagesController {

    private final GatewayApi gateway;

    PagesController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/pages")
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String cursor,
            ConsoleUser user,
            HttpServletRequest request,
            Model model) {
        String chosen = Ids.typeOrNull(type);
        StringBuilder query = new StringBuilder("/api/content/entries?limit=50");
        if (chosen != null) {
            query.append("&type=").append(Ids.query(chosen));
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(Ids.query(cursor));
        }
        JsonNode page = gateway.get(user.token(), query.toString()).body();
        Set<String> locales = new LinkedHashSet<>(List.of("en", "ja"));
        page.path("items").forEach(item -> item.path("states").propertyNames().forEach(locales::add));
        Map<String, Set<String>> changed = new java.util.HashMap<>();
        if (user.hasRole("editor")) {
            locales.forEach(locale -> changed.put(locale, changedSincePublished(user, locale)));
        }
        List<PageRow> rows = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            String entryId = item.path("entryId").asString();
            Set<String> missing = new HashSet<>();
            item.path("missing").forEach(m -> missing.add(m.asString()));
            List<LocaleBadge> badges = new ArrayList<>();
            List<LocalizedText> titles = new ArrayList<>();
            for (String locale : locales) {
                JsonNode state = item.path("states").path(locale);
                badges.add(new LocaleBadge(
                        locale,
                        state.isString() ? state.asString() : null,
                        changed.getOrDefault(locale, Set.of()).contains(entryId),
                        missing.contains(locale)));
                JsonNode title = item.path("titles").path(locale);
                if (title.isString() && !title.asString().isBlank()) {
                    titles.add(new LocalizedText(locale, title.asString()));
                }
            }
            rows.add(new PageRow(
                    entryId,
                    item.path("type").asString(),
                    titles,
                    badges,
                    item.path("updatedAt").asString("")));
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "total", page.path("total").isNumber() ? page.path("total").asLong() : rows.size());
        model.addAttribute(
                "next", page.path("next").isString() ? page.path("next").asString() : null);
        model.addAttribute("type", chosen);
        model.addAttribute("types", types(user));
        return request.getHeader("HX-Request") != null ? "pages/list :: table" : "pages/list";
    }

    /** The page types (not component types) for the filter, by key with their names. */
    private List<Map<String, String>> types(ConsoleUser user) {
        List<Map<String, String>> types = new ArrayList<>();
        gateway.get(user.token(), "/api/content/types?limit=100")
                .body()
                .path("items")
                .forEach(type -> {
                    if (!type.path("component").asBoolean(false)) {
                        types.add(Map.of(
                                "key", type.path("type").asString(),
                                "name",
                                        type.path("name")
                                                .asString(type.path("type").asString())));
                    }
                });
        return types;
    }

    /** Entries whose locale is published with a newer draft waiting (first 100; the badge is a hint). */
    private Set<String> changedSincePublished(ConsoleUser user, String locale) {
        Set<String> ids = new HashSet<>();
        try {
            gateway.get(user.token(), "/api/content/ready-to-publish?limit=100&locale=" + Ids.query(locale))
                    .body()
                    .path("items")
                    .forEach(item -> ids.add(item.path("entryId").asString()));
        } catch (GatewayProblem problem) {
            // a locale the content API does not know, or no right to the list: no badges rather than no page
        }
        return ids;
    }
}
