package dev.hashi.console.translate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.support.Params;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /translations/progress?page=<entryId>}: translation progress per locale pair over everything and, with
 * {@code page}, of that one page: units by state as a bar drawn in SVG on the server, and the same numbers as a table
 * (units per state, total and remaining size in characters or words). Everyone signed in with a staff role sees it.
 */
@Controller
class ProgressController {

    private final GatewayApi gateway;

    ProgressController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/translations/progress")
    String progress(@RequestParam(name = "page", required = false) String entryId, ConsoleUser user, Model model) {
        model.addAttribute("pairs", pairs(user, "/api/translations/progress/pairs?limit=100"));
        String onePage = Params.idOrNull(entryId);
        if (onePage != null) {
            model.addAttribute("onePage", onePage);
            model.addAttribute(
                    "pagePairs",
                    pairs(user, "/api/translations/progress/entries/" + Params.query(onePage) + "?limit=100"));
        }
        model.addAttribute("states", PairProgress.STATES);
        return "translate/progress";
    }

    private List<PairProgress> pairs(ConsoleUser user, String path) {
        JsonNode page = gateway.get(user.token(), path).body();
        List<PairProgress> pairs = new ArrayList<>();
        page.path("items").forEach(item -> pairs.add(PairProgress.of(item)));
        return pairs;
    }
}
