package dev.hashi.console.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayResponse;
import dev.hashi.console.signin.ConsoleUser;

import tools.jackson.databind.JsonNode;

/**
 * A page's revision history ({@code /pages/{entryId}/history}, newest first), the changes between two versions per
 * field and locale ({@code …/history/diff?from=&to=}), and restoring a version as a new one.
 */
@Controller
class HistoryController {

    private final GatewayApi gateway;

    HistoryController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/pages/{entryId}/history")
    String history(@PathVariable String entryId, ConsoleUser user, Model model) {
        String id = Ids.entry(entryId);
        GatewayResponse entry = gateway.get(user.token(), "/api/content/entries/" + id);
        List<JsonNode> revisions = new ArrayList<>();
        gateway.get(user.token(), "/api/content/entries/" + id + "/revisions?limit=100")
                .body()
                .path("items")
                .forEach(revisions::add);
        java.util.Collections.reverse(revisions);
        model.addAttribute("revisions", revisions);
        model.addAttribute("entryId", id);
        model.addAttribute(
                "version", entry.version().orElse(entry.body().path("version").asLong()));
        return "pages/history";
    }

    /** One change between two versions: a value before and after, each in its locale. */
    record Change(String path, String locale, String before, String after) {}

    @GetMapping("/pages/{entryId}/history/diff")
    String diff(
            @PathVariable String entryId,
            @RequestParam long from,
            @RequestParam long to,
            ConsoleUser user,
            Model model) {
        String id = Ids.entry(entryId);
        JsonNode diff = gateway.get(
                        user.token(), "/api/content/entries/" + id + "/revisions/diff?from=" + from + "&to=" + to)
                .body();
        List<Change> changes = new ArrayList<>();
        diff.path("changes")
                .forEach(change -> changes.add(new Change(
                        change.path("path").asString(""),
                        change.path("locale").asString(null),
                        text(change.path("before")),
                        text(change.path("after")))));
        model.addAttribute("entryId", id);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("changes", changes);
        return "pages/diff";
    }

    @PostMapping("/pages/{entryId}/history/{restore}/restore")
    String restore(
            @PathVariable String entryId,
            @PathVariable long restore,
            @RequestParam long version,
            ConsoleUser user,
            RedirectAttributes redirect) {
        String id = Ids.entry(entryId);
        GatewayResponse restored = gateway.send(
                user.token(),
                "POST",
                "/api/content/entries/" + id + "/revisions/" + restore + "/restore",
                null,
                Map.of("If-Match", "\"" + version + "\""));
        redirect.addAttribute("restored", restore);
        redirect.addAttribute("version", restored.version().orElse(version + 1));
        return "redirect:/pages/" + id + "/history";
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
