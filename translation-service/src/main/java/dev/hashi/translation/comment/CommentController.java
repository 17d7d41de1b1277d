package dev.hashi.translation.comment;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/translations/units/{unitId}/comments")
class CommentController {

    private final UnitConversations conversations;

    CommentController(UnitConversations conversations) {
        this.conversations = conversations;
    }

    /**
     * @param kind    {@code question}, {@code answer} or {@code note}
     * @param replyTo for an answer, the question's {@code commentId}
     */
    record CommentRequest(
            @Schema(example = "question") @NotBlank @Pattern(regexp = "question|answer|note")
            String kind,

            @Schema(example = "Is 協働 \"cooperation\" or \"partnership\" here?")
            @NotBlank
            @Size(max = UnitComment.MAX_TEXT)
            String text,

            @Size(max = 100) String replyTo) {}

    /**
     * A comment as clients see it.
     *
     * @param state {@code open} or {@code resolved} for a question, {@code null} for answers and notes
     */
    record CommentView(
            String commentId,
            String unitId,
            String kind,
            String text,
            String replyTo,
            String state,
            String createdBy,
            Instant createdAt,
            String resolvedBy,
            Instant resolvedAt,
            long version) {

        static CommentView of(UnitComment comment) {
            return new CommentView(
                    comment.id(),
                    comment.unitId(),
                    comment.kind().wireName(),
                    comment.text(),
                    comment.replyTo(),
                    comment.kind() != UnitComment.Kind.QUESTION ? null : comment.isOpenQuestion() ? "open" : "resolved",
                    comment.createdBy(),
                    comment.createdAt(),
                    comment.resolvedBy(),
                    comment.resolvedAt(),
                    comment.version());
        }
    }

    @Operation(
            summary = "Ask, answer or note on a unit",
            description = "Translators and reviewers in their locale pairs, editors. A question flags the unit"
                    + " (openQuestion) until it is resolved.")
    @PostMapping
    ResponseEntity<CommentView> post(
            @PathVariable String unitId, @Valid @RequestBody CommentRequest request, CommandContext context) {
        UnitComment comment = conversations.post(
                context,
                unitId,
                UnitComment.Kind.fromWire(request.kind()).orElseThrow(),
                request.text(),
                request.replyTo());
        return ResponseEntity.created(URI.create("/api/translations/units/" + unitId + "/comments/" + comment.id()))
                .eTag(String.valueOf(comment.version()))
                .body(CommentView.of(comment));
    }

    @Operation(summary = "The unit's comments, oldest first (with total)")
    @GetMapping
    Page<CommentView> comments(@PathVariable String unitId, PageRequest page, CommandContext context) {
        return conversations.page(context, unitId, page).map(CommentView::of);
    }

    @Operation(summary = "Resolve a question (If-Match: the comment's version, optional)")
    @PostMapping("/{commentId}/resolve")
    ResponseEntity<CommentView> resolve(
            @PathVariable String unitId, @PathVariable String commentId, CommandContext context) {
        UnitComment resolved = conversations.resolve(context, unitId, commentId);
        return ResponseEntity.ok().eTag(String.valueOf(resolved.version())).body(CommentView.of(resolved));
    }
}
