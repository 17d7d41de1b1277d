package dev.hashi.console.pages;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.gateway.GatewayResponse;
import dev.hashi.console.signin.ConsoleUser;

import tools.jackson.databind.JsonNode;

/**
 * The page editor, {@code /pages/{entryId}}: every field with its value in each locale side by side, each value's
 * origin and translation state; one form per locale whose save sends only that locale's changed values (JSON Patch,
 * {@code If-Match} the version shown). A {@code 412} from the content API is shown as the clashing fields with the
 * editor's own text kept. Workflow (publish, unpublish) and schedules per locale.
 */
@Controller
class PageEditorController {

    private static final Set<String> ACTIONS = Set.of("publish", "unpublish");

    private final GatewayApi gateway;

    PageEditorController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/pages/{entryId}")
    String edit(@PathVariable String entryId, ConsoleUser user, Model model) {
        Editor editor = load(user, Ids.entry(entryId));
        return editor.render(model);
    }

    @PostMapping("/pages/{entryId}/locales/{locale}")
    String save(
            @PathVariable String entryId,
            @PathVariable String locale,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Ids.entry(entryId);
        String tag = Ids.locale(locale);
        Map<String, String> edited = new LinkedHashMap<>();
        Map<String, String> original = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("f.")) {
                edited.put(name.substring(2), values.get(0));
            } else if (name.startsWith("o.")) {
                original.put(name.substring(2), values.get(0));
            }
        });
        List<Map<String, Object>> patch = EditPatch.of(tag, edited, original);
        if (patch.isEmpty()) {
            redirect.addAttribute("unchanged", tag);
            return "redirect:/pages/" + id;
        }
        try {
            GatewayResponse saved = gateway.send(
                    user.token(),
                    "PATCH",
                    "/api/content/entries/" + id,
                    patch,
                    Map.of("Content-Type", EditPatch.MEDIA_TYPE, "If-Match", "\"" + version + "\""));
            redirect.addAttribute("saved", tag);
            redirect.addAttribute("version", saved.version().orElse(version + 1));
            return "redirect:/pages/" + id;
        } catch (GatewayProblem problem) {
            Editor editor = load(user, id);
            Map<String, String> mine = new HashMap<>();
            edited.forEach((path, text) -> {
                if (!text.replace("\r\n", "\n")
                        .equals(original.getOrDefault(path, "").replace("\r\n", "\n"))) {
                    mine.put(path, text);
                }
            });
            if (problem.is(412)) {
                Set<String> clashes = new HashSet<>();
                problem.conflicts().forEach(conflict -> clashes.add(conflict.path() + "|" + conflict.locale()));
                model.addAttribute("conflicts", problem.conflicts());
                model.addAttribute("conflictVersion", problem.currentVersion().orElse(editor.version));
                return editor.withEdits(tag, mine, clashes).render(model);
            }
            model.addAttribute("problem", problem);
            return editor.withEdits(tag, mine, Set.of()).render(model);
        }
    }

    @PostMapping("/pages/{entryId}/locales/{locale}/workflow")
    String workflow(
            @PathVariable String entryId,
            @PathVariable String locale,
            @RequestParam String action,
            @RequestParam long version,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Ids.entry(entryId);
        String tag = Ids.locale(locale);
        if (!ACTIONS.contains(action)) {
            return "redirect:/pages/" + id;
        }
        try {
            gateway.send(
                    user.token(),
                    "POST",
                    "/api/content/entries/" + id + "/locales/" + tag + "/" + action,
                    null,
                    Map.of("If-Match", "\"" + version + "\""));
        } catch (GatewayProblem problem) {
            model.addAttribute("problem", problem);
            return load(user, id).render(model);
        }
        redirect.addAttribute(action.equals("publish") ? "published" : "unpublished", tag);
        return "redirect:/pages/" + id;
    }

    /** Schedules publishing or unpublishing one locale at a time given in UTC. */
    @PostMapping("/pages/{entryId}/schedules")
    String schedule(
            @PathVariable String entryId,
            @RequestParam String locale,
            @RequestParam String action,
            @RequestParam String at,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Ids.entry(entryId);
        String tag = Ids.locale(locale);
        try {
            if (!ACTIONS.contains(action)) {
                throw new GatewayProblem(400, "request.invalid", "action must be publish or unpublish", null);
            }
            String instant;
            try {
                instant = LocalDateTime.parse(at).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                throw new GatewayProblem(400, "request.invalid", "at: not a date and time (" + at + ")", null);
            }
            gateway.send(
                    user.token(),
                    "POST",
                    "/api/content/entries/" + id + "/schedules",
                    Map.of("locale", tag, "action", action, "at", instant),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            redirect.addAttribute("scheduled", tag);
            return "redirect:/pages/" + id;
        } catch (GatewayProblem problem) {
            model.addAttribute("problem", problem);
            return load(user, id).render(model);
        }
    }

    private Editor load(ConsoleUser user, String id) {
        GatewayResponse response = gateway.get(user.token(), "/api/content/entries/" + id);
        JsonNode entry = response.body();
        Set<String> ordered = new LinkedHashSet<>();
        entry.path("workflow").propertyNames().forEach(ordered::add);
        List<String> locales = new ArrayList<>(ordered);
        String titleField = null;
        try {
            JsonNode type = gateway.get(
                            user.token(),
                            "/api/content/types/" + entry.path("type").asString())
                    .body();
            titleField =
                    type.path("titleField").isString() ? type.path("titleField").asString() : null;
        } catch (GatewayProblem problem) {
            // without the type the editor still works; the heading falls back to the entry id
        }
        JsonNode schedules;
        try {
            schedules = gateway.get(user.token(), "/api/content/entries/" + id + "/schedules?limit=20")
                    .body()
                    .path("items");
        } catch (GatewayProblem problem) {
            schedules = null;
        }
        return new Editor(
                entry,
                response.version().orElse(entry.path("version").asLong()),
                locales,
                EntryFields.rows(entry.path("fields"), locales),
                titleField,
                schedules);
    }

    /** What the editor template shows. */
    private record Editor(
            JsonNode entry,
            long version,
            List<String> locales,
            List<FieldRow> rows,
            String titleField,
            JsonNode schedules) {

        /** The rows with the editor's own text in {@code locale} laid over the stored one. */
        Editor withEdits(String locale, Map<String, String> mine, Set<String> clashes) {
            List<FieldRow> edited = new ArrayList<>();
            for (FieldRow row : rows) {
                List<Cell> cells = new ArrayList<>();
                for (Cell cell : row.cells()) {
                    if (locale.equals(cell.locale()) && mine.containsKey(row.path())) {
                        cells.add(cell.withEdit(
                                mine.get(row.path()),
                                cell.text() == null ? "" : cell.text(),
                                clashes.contains(row.path() + "|" + locale)));
                    } else {
                        cells.add(cell);
                    }
                }
                edited.add(new FieldRow(row.path(), row.localized(), cells));
            }
            return new Editor(entry, version, locales, edited, titleField, schedules);
        }

        String render(Model model) {
            List<LocalizedText> titles = new ArrayList<>();
            if (titleField != null) {
                for (String locale : locales) {
                    JsonNode title =
                            entry.path("fields").path(titleField).path(locale).path("value");
                    if (title.isString()) {
                        titles.add(new LocalizedText(locale, title.asString()));
                    }
                }
            }
            Map<String, String> originals = new HashMap<>();
            for (FieldRow row : rows) {
                for (Cell cell : row.cells()) {
                    if (cell.locale() != null) {
                        String stored = cell.current() != null ? cell.current() : cell.text();
                        originals.put(cell.locale() + "|" + row.path(), stored == null ? "" : stored);
                    }
                }
            }
            model.addAttribute("entry", entry);
            model.addAttribute("entryId", entry.path("entryId").asString());
            model.addAttribute("version", version);
            model.addAttribute("locales", locales);
            model.addAttribute("rows", rows);
            model.addAttribute("originals", originals);
            model.addAttribute("titles", titles);
            model.addAttribute("workflow", entry.path("workflow"));
            model.addAttribute("schedules", schedules == null ? List.of() : schedules);
            return "pages/editor";
        }
    }
}
