package dev.hashi.console.translate;

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
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.support.Json;
import dev.hashi.console.support.Params;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /translations/ready?locale=en}: entries whose locale is published and changed since (approved
 * translations landed, editors' edits), each with what changed; {@code POST /translations/ready/{entryId}/publish}
 * ({@code locale}, {@code version}) publishes that locale with {@code If-Match: version}. A refusal (someone changed
 * the entry since, the locale cannot be published) is shown on the list.
 */
@Controller
class ReadyController {

    private final GatewayApi gateway;

    ReadyController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/translations/ready")
    String ready(@RequestParam(required = false) String locale, ConsoleUser user, Model model) {
        String chosen = Params.localeOr(locale, "en");
        JsonNode page = gateway.get(
                        user.token(), "/api/content/ready-to-publish?limit=50&locale=" + Params.query(chosen))
                .body();
        List<ReadyEntry> entries = new ArrayList<>();
        page.path("items").forEach(item -> {
            List<ReadyEntry.Change> changes = new ArrayList<>();
            item.path("changes")
                    .forEach(change -> changes.add(new ReadyEntry.Change(
                            Json.text(change, "path"),
                            Json.text(change, "change"),
                            Json.display(change.path("published")),
                            Json.display(change.path("draft")),
                            Json.text(change, "author"),
                            Json.text(change, "unitId"))));
            entries.add(new ReadyEntry(
                    Json.text(item, "entryId"),
                    Json.text(item, "type"),
                    Json.text(item, "state"),
                    Json.number(item, "version", 0),
                    Json.text(item, "title"),
                    changes));
        });
        model.addAttribute("entries", entries);
        model.addAttribute("locale", chosen);
        return "translate/ready";
    }

    @PostMapping("/translations/ready/{entryId}/publish")
    String publish(
            @PathVariable String entryId,
            @RequestParam String locale,
            @RequestParam long version,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(entryId);
        String tag = Params.locale(locale);
        try {
            gateway.send(
                    user.token(),
                    "POST",
                    "/api/content/entries/" + id + "/locales/" + tag + "/publish",
                    null,
                    Map.of("If-Match", "\"" + version + "\""));
        } catch (GatewayProblem problem) {
            if (problem.is(401) || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return ready(tag, user, model);
        }
        redirect.addFlashAttribute("published", id);
        return "redirect:/translations/ready?locale=" + Params.query(tag);
    }
}
