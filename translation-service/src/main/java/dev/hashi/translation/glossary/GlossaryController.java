package dev.hashi.translation.glossary;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.LoadedPages;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/translations")
class GlossaryController {

    private final Terminology terminology;
    private final Units units;
    private final LocaleInput locales;

    GlossaryController(Terminology terminology, Units units, LocaleInput locales) {
        this.terminology = terminology;
        this.units = units;
        this.locales = locales;
    }

    record TermRequest(
            @Schema(example = "協働") @NotBlank @Size(max = 200)
            String term,

            @Schema(example = "partnership") @NotBlank @Size(max = 200)
            String translation,

            @Schema(example = "As in the conference title") @Size(max = 1000)
            String note,

            @Size(max = 20) List<@NotBlank @Size(max = 200) String> forbidden) {

        Terminology.TermInput input() {
            return new Terminology.TermInput(term, translation, note, forbidden);
        }
    }

    record NewTermRequest(
            @Schema(example = "ja") @NotBlank String sourceLocale,
            @Schema(example = "en") @NotBlank String targetLocale,
            @Valid TermRequest term) {}

    record TermView(
            String termId,
            String sourceLocale,
            String targetLocale,
            String term,
            String translation,
            String note,
            List<String> forbidden,
            String updatedBy,
            Instant updatedAt,
            long version) {

        static TermView of(GlossaryTerm term) {
            return new TermView(
                    term.id(),
                    term.sourceLocale(),
                    term.targetLocale(),
                    term.term(),
                    term.translation(),
                    term.note(),
                    term.forbidden(),
                    term.updatedBy(),
                    term.updatedAt(),
                    term.version());
        }
    }

    @Operation(summary = "A locale pair's glossary in term order (with total)")
    @GetMapping("/glossary")
    Page<TermView> glossary(
            @RequestParam String source, @RequestParam String target, PageRequest page, CommandContext context) {
        return terminology
                .page(
                        context,
                        locales.require("source", source).tag(),
                        locales.require("target", target).tag(),
                        page)
                .map(TermView::of);
    }

    @Operation(
            summary = "Add a term to a pair's glossary (reviewers of the pair, admins)",
            description = "409 glossary.term-exists when the pair has the term (compared NFKC case-folded).")
    @PostMapping("/glossary")
    ResponseEntity<TermView> create(@Valid @RequestBody NewTermRequest request, CommandContext context) {
        if (request.term() == null) {
            throw dev.hashi.service.error.InvalidInputException.field("term", "required", "term is required.");
        }
        GlossaryTerm term = terminology.create(
                context,
                locales.require("sourceLocale", request.sourceLocale()).tag(),
                locales.require("targetLocale", request.targetLocale()).tag(),
                request.term().input());
        return ResponseEntity.created(URI.create("/api/translations/glossary/" + term.id()))
                .eTag(String.valueOf(term.version()))
                .body(TermView.of(term));
    }

    @GetMapping("/glossary/{termId}")
    ResponseEntity<TermView> term(@PathVariable String termId, CommandContext context) {
        return versioned(terminology.term(context, termId));
    }

    @Operation(summary = "Change a term (If-Match required)")
    @PutMapping("/glossary/{termId}")
    ResponseEntity<TermView> update(
            @PathVariable String termId, @Valid @RequestBody TermRequest request, CommandContext context) {
        return versioned(terminology.update(context, termId, request.input()));
    }

    @Operation(summary = "Remove a term (If-Match required)")
    @DeleteMapping("/glossary/{termId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String termId, CommandContext context) {
        terminology.delete(context, termId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The glossary terms found in a unit's source, in term order (with total)")
    @GetMapping("/units/{unitId}/glossary")
    Page<TermView> unitTerms(@PathVariable String unitId, PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        List<TermView> found = terminology.found(UnitProblems.live(units.find(unitId), unitId)).stream()
                .map(TermView::of)
                .toList();
        return LoadedPages.of(found, page);
    }

    private static ResponseEntity<TermView> versioned(GlossaryTerm term) {
        return ResponseEntity.ok().eTag(String.valueOf(term.version())).body(TermView.of(term));
    }
}
