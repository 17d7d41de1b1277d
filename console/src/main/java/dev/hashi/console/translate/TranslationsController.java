package dev.hashi.console.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.support.Json;
import dev.hashi.console.support.LocalizedValue;
import dev.hashi.console.support.Params;
import dev.hashi.locale.TextDiff;

import tools.jackson.databind.JsonNode;

/**
 * The translators' queue and unit screen, and the reviewers' actions on the same screen.
 *
 * <ul>
 *   <li>{@code GET /translations?source=ja&target=en&state=open|all|<state>&page=<entryId>&type=&assignee=&due=&cursor=}:
 *       the queue of one locale pair (Japanese-only items are {@code source=ja&target=en}, the default), of one page,
 *       one content type, one assignee and due before a date ({@code yyyy-MM-dd}) if given, with each unit's size in characters or
 *       words; {@code open} is
 *       {@code untranslated, outdated, in_progress, rejected}. Malformed filters fall back to these defaults.
 *   <li>{@code GET /translations/review?source=&target=}: the units waiting for review ({@code translated}).
 *   <li>{@code GET /translations/units/{id}?suggestion=N}: source, context, suggestions, comments and the editor;
 *       {@code suggestion} puts the N-th suggestion's text in the editor.
 *   <li>{@code POST …/take}, {@code …/submit} ({@code text}, {@code sourceHash}, {@code next}), {@code …/comments}
 *       ({@code kind}, {@code text}), {@code …/approve} ({@code text}, {@code comment}), {@code …/reject}
 *       ({@code comment}), {@code …/source-only} ({@code reason}: not to be translated), {@code …/check}
 *       ({@code text}: the submission's checks, nothing written).
 * </ul>
 *
 * A refusal of a write (checks failed, source changed, own translation, …) shows the unit again with the message and
 * the text the user wrote, never an error page.
 */
@Controller
@RequestMapping("/translations")
class TranslationsController {

    /** The console's state filters and the queue's {@code state} parameter they stand for ({@code null}: all). */
    static final Map<String, String> STATE_FILTERS = new LinkedHashMap<>();

    static {
        STATE_FILTERS.put("open", "untranslated,outdated,in_progress,rejected");
        STATE_FILTERS.put("untranslated", "untranslated");
        STATE_FILTERS.put("outdated", "outdated");
        STATE_FILTERS.put("in_progress", "in_progress");
        STATE_FILTERS.put("rejected", "rejected");
        STATE_FILTERS.put("translated", "translated");
        STATE_FILTERS.put("approved", "approved");
        STATE_FILTERS.put("all", null);
    }

    /** A date as {@code <input type="date">} sends it; anything else is ignored like other malformed filters. */
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A content type key; anything else is ignored like other malformed filters. */
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** The queue's optional filters besides state and page ({@code null}: not filtered). */
    record Narrowing(String type, String assignee, String dueBefore) {

        static final Narrowing NONE = new Narrowing(null, null, null);
    }

    private final GatewayApi gateway;

    TranslationsController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    String queue(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String state,
            @RequestParam(name = "page", required = false) String entryId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String cursor,
            ConsoleUser user,
            HttpServletRequest request,
            Model model) {
        String filter = state != null && STATE_FILTERS.containsKey(state) ? state : "open";
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        String before = due != null && DATE.matcher(due).matches() ? due : null;
        String typeKey = type != null && TYPE.matcher(type).matches() ? type : null;
        model.addAttribute("type", typeKey);
        model.addAttribute("assignee", who);
        model.addAttribute("due", before);
        listInto(model, user, source, target, filter, entryId, cursor, new Narrowing(typeKey, who, before));
        model.addAttribute("states", STATE_FILTERS.keySet());
        return request.getHeader("HX-Request") != null ? "translate/queue :: table" : "translate/queue";
    }

    @GetMapping("/review")
    String review(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String cursor,
            ConsoleUser user,
            Model model) {
        listInto(model, user, source, target, "translated", null, cursor, Narrowing.NONE);
        return "translate/review";
    }

    private void listInto(
            Model model,
            ConsoleUser user,
            String source,
            String target,
            String filter,
            String entryId,
            String cursor,
            Narrowing narrowing) {
        String from = Params.localeOr(source, "ja");
        String to = Params.localeOr(target, from.equals("en") ? "ja" : "en");
        StringBuilder query = new StringBuilder("/api/translations/queue?limit=50&sort=page&source=")
                .append(Params.query(from))
                .append("&target=")
                .append(Params.query(to));
        String states = STATE_FILTERS.get(filter);
        if (states != null) {
            query.append("&state=").append(Params.query(states));
        }
        String onePage = Params.idOrNull(entryId);
        if (onePage != null) {
            query.append("&entryId=").append(Params.query(onePage));
        }
        if (narrowing.type() != null) {
            query.append("&type=").append(Params.query(narrowing.type()));
        }
        if (narrowing.assignee() != null) {
            query.append("&assignee=").append(Params.query(narrowing.assignee()));
        }
        if (narrowing.dueBefore() != null) {
            query.append("&dueBefore=").append(Params.query(narrowing.dueBefore()));
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(Params.query(cursor));
        }
        JsonNode page = gateway.get(user.token(), query.toString()).body();
        List<Unit> units = new ArrayList<>();
        page.path("items").forEach(item -> units.add(Unit.of(item)));
        long characters = units.stream()
                .filter(Unit::countsCharacters)
                .mapToLong(Unit::size)
                .sum();
        long words = units.stream()
                .filter(unit -> !unit.countsCharacters())
                .mapToLong(Unit::size)
                .sum();
        model.addAttribute("units", units);
        model.addAttribute("source", from);
        model.addAttribute("target", to);
        model.addAttribute("state", filter);
        model.addAttribute("onePage", onePage);
        model.addAttribute("characters", characters);
        model.addAttribute("words", words);
        model.addAttribute("next", Json.text(page, "next"));
    }

    @GetMapping("/units/{unitId}")
    String unit(
            @PathVariable String unitId,
            @RequestParam(required = false) Integer suggestion,
            ConsoleUser user,
            Model model) {
        Unit unit = load(user, Params.id(unitId));
        List<Suggestion> suggestions = suggestions(user, unit.unitId());
        String text = unit.draftText() != null ? unit.draftText() : unit.targetText();
        if (suggestion != null && suggestion >= 0 && suggestion < suggestions.size()) {
            text = suggestions.get(suggestion).targetText();
            model.addAttribute("usedSuggestion", suggestion);
        }
        return show(model, user, unit, suggestions, text);
    }

    @PostMapping("/units/{unitId}/take")
    String take(@PathVariable String unitId, ConsoleUser user, RedirectAttributes redirect) {
        String id = Params.id(unitId);
        gateway.send(user.token(), "POST", "/api/translations/units/" + id + "/take", null, Map.of());
        redirect.addFlashAttribute("done", "translate.unit.taken");
        return "redirect:/translations/units/" + id;
    }

    @PostMapping("/units/{unitId}/submit")
    String submit(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String sourceHash,
            @RequestParam(required = false) String next,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(unitId);
        JsonNode answer;
        try {
            answer = gateway.send(
                            user.token(),
                            "POST",
                            "/api/translations/units/" + id + "/submit",
                            Map.of("text", text, "sourceHash", sourceHash),
                            Map.of())
                    .body();
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, text);
        }
        List<String> warnings = new ArrayList<>();
        answer.path("warnings").forEach(w -> warnings.add(Json.text(w, "message")));
        redirect.addFlashAttribute("warnings", warnings);
        redirect.addFlashAttribute("done", "translate.unit.submitted");
        Unit submitted = Unit.of(answer);
        if (next != null) {
            String following = nextOpen(user, submitted, id);
            if (following != null) {
                return "redirect:/translations/units/" + following;
            }
            return "redirect:/translations?source=" + Params.query(submitted.sourceLocale()) + "&target="
                    + Params.query(submitted.targetLocale());
        }
        return "redirect:/translations/units/" + id;
    }

    /** What the translation-service checks say of a submission, shown on the unit screen before submitting. */
    record Checks(boolean passes, List<String> failures, List<String> warnings) {}

    /** Runs the submission's checks on the text in the editor and shows the unit again with their results. */
    @PostMapping("/units/{unitId}/check")
    String check(
            @PathVariable String unitId, @RequestParam(defaultValue = "") String text, ConsoleUser user, Model model) {
        String id = Params.id(unitId);
        JsonNode answer;
        try {
            answer = gateway.send(
                            user.token(),
                            "POST",
                            "/api/translations/units/" + id + "/check",
                            Map.of("text", text),
                            Map.of())
                    .body();
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, text);
        }
        List<String> failures = new ArrayList<>();
        answer.path("failures").forEach(f -> failures.add(Json.text(f, "message")));
        List<String> warnings = new ArrayList<>();
        answer.path("warnings").forEach(w -> warnings.add(Json.text(w, "message")));
        model.addAttribute("checks", new Checks(answer.path("passes").asBoolean(false), failures, warnings));
        Unit unit = load(user, id);
        return show(model, user, unit, suggestions(user, id), text);
    }

    @PostMapping("/units/{unitId}/comments")
    String comment(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "question") String kind,
            @RequestParam(defaultValue = "") String text,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(unitId);
        String chosen = kind.equals("note") ? "note" : "question";
        try {
            gateway.send(
                    user.token(),
                    "POST",
                    "/api/translations/units/" + id + "/comments",
                    Map.of("kind", chosen, "text", text),
                    Map.of());
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, null);
        }
        redirect.addFlashAttribute("done", "translate.comment.added");
        return "redirect:/translations/units/" + id + "#comments";
    }

    @PostMapping("/units/{unitId}/approve")
    String approve(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String comment,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(unitId);
        Unit unit = load(user, id);
        Map<String, String> body = new LinkedHashMap<>();
        if (!comment.isBlank()) {
            body.put("comment", comment);
        }
        boolean edited = !text.isBlank() && !text.equals(unit.draftText());
        if (edited) {
            body.put("text", text);
        }
        try {
            gateway.send(user.token(), "POST", "/api/translations/units/" + id + "/approve", body, Map.of());
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, text);
        }
        redirect.addFlashAttribute("done", edited ? "translate.review.approvedWithEdit" : "translate.review.approved");
        return "redirect:/translations/review?source=" + Params.query(unit.sourceLocale()) + "&target="
                + Params.query(unit.targetLocale());
    }

    @PostMapping("/units/{unitId}/reject")
    String reject(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String comment,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(unitId);
        Unit unit = load(user, id);
        try {
            gateway.send(
                    user.token(),
                    "POST",
                    "/api/translations/units/" + id + "/reject",
                    Map.of("comment", comment),
                    Map.of());
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, unit.draftText());
        }
        redirect.addFlashAttribute("done", "translate.review.returned");
        return "redirect:/translations/review?source=" + Params.query(unit.sourceLocale()) + "&target="
                + Params.query(unit.targetLocale());
    }

    /** Decides the unit is not to be translated (editors; reviewers in their pairs): it leaves the queue as done. */
    @PostMapping("/units/{unitId}/source-only")
    String sourceOnly(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String reason,
            ConsoleUser user,
            Model model,
            RedirectAttributes redirect) {
        String id = Params.id(unitId);
        try {
            gateway.send(
                    user.token(),
                    "PUT",
                    "/api/translations/units/" + id + "/decision",
                    Map.of("reason", reason),
                    Map.of());
        } catch (GatewayProblem problem) {
            return refused(problem, model, user, id, null);
        }
        redirect.addFlashAttribute("done", "translate.unit.decidedSourceOnly");
        return "redirect:/translations/units/" + id;
    }

    /** The unit screen again, with the refusal and the user's text; a 401 still ends the session. */
    private String refused(GatewayProblem problem, Model model, ConsoleUser user, String id, String text) {
        if (problem.is(401) || problem.status() >= 500) {
            throw problem;
        }
        model.addAttribute("problem", problem);
        Unit unit = load(user, id);
        return show(model, user, unit, suggestions(user, id), text);
    }

    private String show(Model model, ConsoleUser user, Unit unit, List<Suggestion> suggestions, String text) {
        model.addAttribute("unit", unit);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("context", context(user, unit.unitId()));
        model.addAttribute("comments", comments(user, unit.unitId()));
        model.addAttribute("glossary", glossary(user, unit.unitId()));
        if (unit.awaitingReview() && unit.targetText() != null && unit.draftText() != null) {
            // what the submission changes in the translation the page has now (the last approved or written one)
            model.addAttribute("reviewDiff", TextDiff.between(unit.targetText(), unit.draftText()));
        }
        model.addAttribute("text", text == null ? "" : text);
        return "translate/unit";
    }

    /** A glossary term found in the unit's source. */
    record Term(String term, String translation, String note, List<String> forbidden) {}

    private List<Term> glossary(ConsoleUser user, String id) {
        List<Term> terms = new ArrayList<>();
        gateway.get(user.token(), "/api/translations/units/" + id + "/glossary?limit=100")
                .body()
                .path("items")
                .forEach(term -> {
                    List<String> forbidden = new ArrayList<>();
                    term.path("forbidden").forEach(word -> forbidden.add(word.asString()));
                    terms.add(new Term(
                            Json.text(term, "term"),
                            Json.text(term, "translation"),
                            Json.text(term, "note"),
                            forbidden));
                });
        return terms;
    }

    private Unit load(ConsoleUser user, String id) {
        return Unit.of(
                gateway.get(user.token(), "/api/translations/units/" + id).body());
    }

    /** The next open unit of the same pair after this one, for submit-and-next. */
    private String nextOpen(ConsoleUser user, Unit unit, String current) {
        try {
            JsonNode page = gateway.get(
                            user.token(),
                            "/api/translations/queue?limit=5&sort=page&state=untranslated,outdated&source="
                                    + Params.query(unit.sourceLocale()) + "&target="
                                    + Params.query(unit.targetLocale()))
                    .body();
            for (JsonNode item : page.path("items")) {
                String id = Json.text(item, "unitId");
                if (id != null && !id.equals(current)) {
                    return id;
                }
            }
        } catch (GatewayProblem problem) {
            // no next unit rather than no answer
        }
        return null;
    }

    private List<Suggestion> suggestions(ConsoleUser user, String id) {
        List<Suggestion> suggestions = new ArrayList<>();
        try {
            gateway.get(user.token(), "/api/translations/units/" + id + "/suggestions?limit=5")
                    .body()
                    .path("items")
                    .forEach(item -> suggestions.add(new Suggestion(
                            Json.text(item, "sourceText"),
                            Json.text(item, "targetText"),
                            (int) Json.number(item, "score", 0),
                            item.path("exact").asBoolean(false))));
        } catch (GatewayProblem problem) {
            if (problem.is(401)) {
                throw problem;
            }
        }
        return suggestions;
    }

    /** The unit's context in the UI language's locale; {@code null} when content cannot say (shown as a note). */
    private UnitContext context(ConsoleUser user, String id) {
        JsonNode context;
        try {
            context = gateway.get(user.token(), "/api/translations/units/" + id + "/context")
                    .body();
        } catch (GatewayProblem problem) {
            if (problem.is(401)) {
                throw problem;
            }
            return null;
        }
        List<UnitContext.Neighbour> neighbours = new ArrayList<>();
        context.path("neighbours").forEach(n -> {
            List<LocalizedValue> values = new ArrayList<>();
            n.path("values").properties().forEach(e -> {
                if (e.getValue().isString()) {
                    values.add(new LocalizedValue(e.getKey(), e.getValue().asString()));
                }
            });
            neighbours.add(new UnitContext.Neighbour(
                    Json.text(n.path("fieldLabel"), "value"), Json.text(n.path("fieldLabel"), "locale"), values));
        });
        JsonNode max = context.path("limits").path("maxLength");
        return new UnitContext(
                Json.text(context.path("fieldLabel"), "value"),
                Json.text(context.path("fieldLabel"), "locale"),
                max.isNumber() ? max.asLong() : null,
                neighbours,
                Json.text(context, "previewUrl"));
    }

    private List<Comment> comments(ConsoleUser user, String id) {
        List<Comment> comments = new ArrayList<>();
        try {
            gateway.get(user.token(), "/api/translations/units/" + id + "/comments?limit=50")
                    .body()
                    .path("items")
                    .forEach(c -> comments.add(new Comment(
                            Json.text(c, "kind"),
                            Json.text(c, "text"),
                            Json.text(c, "createdBy"),
                            Json.text(c, "createdAt"),
                            Json.text(c, "state"))));
        } catch (GatewayProblem problem) {
            if (problem.is(401)) {
                throw problem;
            }
        }
        return comments;
    }
}
