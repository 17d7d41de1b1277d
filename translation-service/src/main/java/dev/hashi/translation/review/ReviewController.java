package dev.hashi.translation.review;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/translations/units/{unitId}")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * @param text       the translation
     * @param sourceHash the source hash the translator loaded with the unit
     */
    record SubmitRequest(
            @Schema(example = "Toward an Environmental Model City Built with Residents (Minamata City)")
            @NotBlank
            @Size(max = Unit.MAX_TEXT)
            String text,

            @Schema(example = "9f2c1e0b7d4a5c3e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70")
            @NotBlank
            @Pattern(regexp = "[0-9a-f]{64}")
            String sourceHash) {}

    /**
     * @param comment the reviewer's note, may be {@code null}
     * @param text    the reviewer's corrected translation, {@code null} to approve the submission unchanged
     */
    record ApproveRequest(
            @Size(max = 4000) String comment,

            @Schema(example = "Toward an Environmental Model City Built with Residents (Minamata City)")
            @Size(min = 1, max = Unit.MAX_TEXT)
            String text) {}

    record RejectRequest(
            @Schema(example = "Use 汚染防止 for pollution control") @NotBlank @Size(max = 4000)
            String comment) {}

    /** @param text the translation to check */
    record CheckRequest(
            @Schema(example = "Toward an Environmental Model City Built with Residents (Minamata City)")
            @NotBlank
            @Size(max = Unit.MAX_TEXT)
            String text) {}

    /**
     * What a submission would meet.
     *
     * @param passes   whether a submission of the text would be accepted
     * @param failures the checks that would refuse it ({@code check.placeholders}, {@code check.links}, …)
     * @param warnings the glossary's findings (they refuse too when the glossary is enforced)
     */
    record CheckView(boolean passes, List<Failure> failures, List<UnitView.Warning> warnings) {

        record Failure(String code, String message) {}
    }

    @Operation(
            summary = "Check a translation before submitting it (translators of the pair); nothing is written",
            description = "The same checks as submit: placeholders, links, tags and plural categories, and the"
                    + " glossary. 200 whether or not they pass.")
    @PostMapping("/check")
    CheckView check(@PathVariable String unitId, @Valid @RequestBody CheckRequest request, CommandContext context) {
        Reviews.Check check = reviews.check(context, unitId, request.text());
        return new CheckView(
                check.passes(),
                check.failures().stream()
                        .map(f -> new CheckView.Failure(f.code(), f.detail()))
                        .toList(),
                check.warnings().stream()
                        .map(w -> new UnitView.Warning(w.code(), w.message(), w.term(), w.expected()))
                        .toList());
    }

    @Operation(
            summary = "Submit a translation",
            description = "409 unit.source-changed when sourceHash is stale; 422 translation.checks-failed when"
                    + " placeholders, links, tags or plural categories break. Glossary findings come as warnings"
                    + " (glossary.missing-term, glossary.forbidden-variant); with cms.translation.glossary.enforce"
                    + " they refuse the submission.")
    @ApiResponse(
            responseCode = "200",
            description = "The unit after the change",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @ApiResponse(responseCode = "422", description = "translation.checks-failed, one error per failed check")
    @PostMapping("/submit")
    ResponseEntity<UnitView> submit(
            @PathVariable String unitId, @Valid @RequestBody SubmitRequest request, CommandContext context) {
        Reviews.Submission submission = reviews.submit(context, unitId, request.text(), request.sourceHash());
        return versioned(UnitView.of(submission.unit())
                .withWarnings(submission.warnings().stream()
                        .map(w -> new UnitView.Warning(w.code(), w.message(), w.term(), w.expected()))
                        .toList()));
    }

    @Operation(
            summary = "Approve a submitted translation, optionally corrected (reviewers of the pair; not one's own)",
            description = "With text, the reviewer's correction is approved and published; the history keeps the"
                    + " submission, the correction and their diff (action approved-with-edit). 422"
                    + " translation.checks-failed when the correction breaks the checks.")
    @ApiResponse(
            responseCode = "200",
            description = "The unit after the change",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @ApiResponse(responseCode = "422", description = "review.own-translation")
    @PostMapping("/approve")
    ResponseEntity<UnitView> approve(
            @PathVariable String unitId,
            @Valid @RequestBody(required = false) ApproveRequest request,
            CommandContext context) {
        return versioned(UnitView.of(reviews.approve(
                context, unitId, request == null ? null : request.comment(), request == null ? null : request.text())));
    }

    @Operation(summary = "Reject a submitted translation with a comment")
    @PostMapping("/reject")
    ResponseEntity<UnitView> reject(
            @PathVariable String unitId, @Valid @RequestBody RejectRequest request, CommandContext context) {
        return versioned(UnitView.of(reviews.reject(context, unitId, request.comment())));
    }

    /** The unit with its version as {@code ETag}. */
    private static ResponseEntity<UnitView> versioned(UnitView unit) {
        return ResponseEntity.ok().eTag(String.valueOf(unit.version())).body(unit);
    }
}
