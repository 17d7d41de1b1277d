package dev.hashi.translation.decision;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.SourceOnlyRule;
import dev.hashi.translation.unit.UnitView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/translations")
class DecisionController {

    private final SourceOnlyDecisions decisions;
    private final LocaleInput locales;

    DecisionController(SourceOnlyDecisions decisions, LocaleInput locales) {
        this.decisions = decisions;
        this.locales = locales;
    }

    /** @param reason why the unit is not translated, shown to everyone who sees the unit */
    record DecisionRequest(
            @Schema(example = "Japanese only: the talk was given in Japanese") @NotBlank @Size(max = 1000)
            String reason) {}

    /**
     * A rule: {@code type} and {@code path} (item ids are ignored) for a field across a content type, or
     * {@code entryId} for a whole entry; into {@code targetLocale}.
     */
    record RuleRequest(
            @Schema(example = "event-page") @Size(max = 100) String type,

            @Schema(example = "sessions[s-local].presentations[p-minamata].title") @Size(max = 500)
            String path,

            @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+")
            String entryId,

            @Schema(example = "en") @NotBlank String targetLocale,

            @Schema(example = "Japanese only: the talks were given in Japanese") @NotBlank @Size(max = 1000)
            String reason) {}

    /** A rule as clients see it; {@code decided}: units it decided when made (in the response to its creation). */
    record RuleView(
            String ruleId,
            String scope,
            String type,
            String fieldPath,
            String entryId,
            String targetLocale,
            String reason,
            String createdBy,
            java.time.Instant createdAt,
            Integer decided) {

        static RuleView of(SourceOnlyRule rule, Integer decided) {
            return new RuleView(
                    rule.id(),
                    rule.scope(),
                    rule.type(),
                    rule.fieldPath(),
                    rule.entryId(),
                    rule.targetLocale(),
                    rule.reason(),
                    rule.createdBy(),
                    rule.createdAt(),
                    decided);
        }
    }

    /** @param undone units whose decision the removal undid */
    record RuleRemoved(String ruleId, int undone) {}

    @Operation(
            summary = "Decide a unit is not to be translated (source-only), or confirm the decision",
            description = "Editors; reviewers in their locale pairs. The unit leaves the queue and counts as done."
                    + " After a source change the unit shows decision.sourceChangedSinceDecision: deciding again"
                    + " confirms it for the current source.")
    @PutMapping("/units/{unitId}/decision")
    ResponseEntity<UnitView> decide(
            @PathVariable String unitId, @Valid @RequestBody DecisionRequest request, CommandContext context) {
        return versioned(UnitView.of(decisions.decide(context, unitId, request.reason())));
    }

    @Operation(summary = "Undo a unit's source-only decision; it is translatable again")
    @DeleteMapping("/units/{unitId}/decision")
    ResponseEntity<UnitView> undo(@PathVariable String unitId, CommandContext context) {
        return versioned(UnitView.of(decisions.undo(context, unitId)));
    }

    @Operation(
            summary = "Decide a field path across a type, or an entry, source-only into a locale",
            description = "Decides the covered units now and units created later; 409 source-only-rule.exists.")
    @PostMapping("/source-only-rules")
    ResponseEntity<RuleView> createRule(@Valid @RequestBody RuleRequest request, CommandContext context) {
        String target = locales.require("targetLocale", request.targetLocale()).tag();
        boolean byPath = request.type() != null && request.path() != null;
        if (byPath == (request.entryId() != null)) {
            throw InvalidInputException.field(
                    "entryId", "source-only-rule.scope", "Name a type and a path, or an entry id, not both.");
        }
        SourceOnlyRule rule = byPath
                ? SourceOnlyRule.forPath(
                        request.type(), request.path(), target, request.reason(), context.actor(), context.at())
                : SourceOnlyRule.forEntry(request.entryId(), target, request.reason(), context.actor(), context.at());
        SourceOnlyDecisions.RuleApplied applied = decisions.createRule(context, rule);
        return ResponseEntity.created(URI.create("/api/translations/source-only-rules/" + rule.id()))
                .body(RuleView.of(applied.rule(), applied.decided()));
    }

    @Operation(summary = "Source-only rules in id order (keyset paging; no total)")
    @GetMapping("/source-only-rules")
    Page<RuleView> rules(PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        return Page.keyset(
                        decisions.rules(page.afterId(), page.fetchSize()), page, rule -> Cursor.after(rule.id()), null)
                .map(rule -> RuleView.of(rule, null));
    }

    @GetMapping("/source-only-rules/{ruleId}")
    RuleView rule(@PathVariable String ruleId, CommandContext context) {
        Access.requireStaff(context.caller());
        return RuleView.of(decisions.rule(ruleId), null);
    }

    @Operation(summary = "Remove a rule; the decisions it made are undone")
    @DeleteMapping("/source-only-rules/{ruleId}")
    RuleRemoved deleteRule(@PathVariable String ruleId, CommandContext context) {
        return new RuleRemoved(ruleId, decisions.deleteRule(context, ruleId));
    }

    private static ResponseEntity<UnitView> versioned(UnitView unit) {
        return ResponseEntity.ok().eTag(String.valueOf(unit.version())).body(unit);
    }
}
