package dev.hashi.console.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.support.Json;
import dev.hashi.console.support.LocalizedValue;
import dev.hashi.console.support.Params;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin}: API tokens, content types and locales (admins only; others get the console's 403).
 * {@code POST /admin/tokens} ({@code name}, {@code roles}, {@code pairs}, {@code validDays}) creates a token and
 * renders the page with its secret — in that answer only (never in a redirect, flash attribute or the session);
 * {@code POST /admin/tokens/{id}/revoke} revokes one.
 */
@Controller
class AdminController {

    static final List<String> ROLES = List.of("editor", "translator", "reviewer", "admin");

    private final GatewayApi gateway;

    AdminController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    /** A token as listed, without its secret. */
    record Token(
            String id,
            String name,
            List<String> roles,
            List<String> localePairs,
            String createdAt,
            String createdBy,
            String expiresAt,
            String revokedAt) {}

    /** A content type: key, name, whether it is a component, number of fields, version. */
    record Type(String key, String name, boolean component, int fields, long version) {}

    /** A configured locale with its fallback chain and its names. */
    record Locale(String tag, List<String> chain, List<LocalizedValue> names) {}

    @GetMapping("/admin")
    String admin(ConsoleUser user, Model model) {
        requireAdmin(user);
        List<Token> tokens = new ArrayList<>();
        gateway.get(user.token(), "/api/tokens?limit=100")
                .body()
                .path("items")
                .forEach(t -> tokens.add(new Token(
                        Json.text(t, "id"),
                        Json.text(t, "name"),
                        Json.strings(t, "roles"),
                        Json.strings(t, "localePairs"),
                        Json.text(t, "createdAt"),
                        Json.text(t, "createdBy"),
                        Json.text(t, "expiresAt"),
                        Json.text(t, "revokedAt"))));
        List<Type> types = new ArrayList<>();
        gateway.get(user.token(), "/api/content/types?limit=100")
                .body()
                .path("items")
                .forEach(t -> types.add(new Type(
                        Json.text(t, "type"),
                        Json.text(t, "name"),
                        t.path("component").asBoolean(false),
                        t.path("fields").size(),
                        Json.number(t, "version", 0))));
        List<Locale> locales = new ArrayList<>();
        JsonNode configured = gateway.get(user.token(), "/api/delivery/locales").body();
        configured.path("locales").forEach(l -> {
            List<LocalizedValue> names = new ArrayList<>();
            l.path("names").properties().forEach(e -> {
                if (e.getValue().isString()) {
                    names.add(new LocalizedValue(e.getKey(), e.getValue().asString()));
                }
            });
            locales.add(new Locale(Json.text(l, "tag"), Json.strings(l, "chain"), names));
        });
        model.addAttribute("tokens", tokens);
        model.addAttribute("types", types);
        model.addAttribute("locales", locales);
        model.addAttribute("defaultLocale", Json.text(configured, "defaultLocale"));
        model.addAttribute("roles", ROLES);
        return "admin/admin";
    }

    @PostMapping("/admin/tokens")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String pairs,
            @RequestParam(defaultValue = "90") String validDays,
            ConsoleUser user,
            Model model) {
        requireAdmin(user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("roles", roles == null ? List.of() : roles);
        body.put(
                "localePairs",
                pairs.isBlank() ? List.of() : List.of(pairs.strip().split("\\s*[, ]\\s*")));
        try {
            body.put("validDays", Integer.parseInt(validDays.strip()));
        } catch (NumberFormatException e) {
            body.put("validDays", 0); // the gateway refuses it with its own field error
        }
        try {
            JsonNode created = gateway.send(user.token(), "POST", "/api/tokens", body, Map.of())
                    .body();
            model.addAttribute("createdName", Json.text(created, "name"));
            model.addAttribute("secret", Json.text(created, "token"));
        } catch (GatewayProblem problem) {
            if (problem.is(401) || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return admin(user, model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable String id, ConsoleUser user, RedirectAttributes redirect) {
        requireAdmin(user);
        gateway.send(user.token(), "DELETE", "/api/tokens/" + Params.id(id), null, Map.of());
        redirect.addFlashAttribute("revoked", id);
        return "redirect:/admin";
    }

    private static void requireAdmin(ConsoleUser user) {
        if (!user.roles().contains("admin")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
