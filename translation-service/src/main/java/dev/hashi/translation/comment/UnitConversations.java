package dev.hashi.translation.comment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.RuleViolationException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

/**
 * Questions, answers and notes on a unit, by its translators and reviewers (in their locale pairs) and editors. A
 * unit with a question not yet resolved is flagged ({@code openQuestion}) so the queue can show and filter it.
 */
@Service
public class UnitConversations {

    private static final int MAX_ATTEMPTS = 20;

    private final UnitComments comments;
    private final Units units;

    UnitConversations(UnitComments comments, Units units) {
        this.comments = comments;
        this.units = units;
    }

    /**
     * Adds a comment; an answer names the question it answers ({@code replyTo}).
     *
     * @throws InvalidInputException {@code comment.reply-to} when an answer names no question of this unit, or
     *     another kind names one
     */
    public UnitComment post(CommandContext context, String unitId, UnitComment.Kind kind, String text, String replyTo) {
        Unit unit = participant(context, unitId);
        if (kind == UnitComment.Kind.ANSWER) {
            boolean question = replyTo != null
                    && comments.find(unitId, replyTo)
                            .filter(found -> found.kind() == UnitComment.Kind.QUESTION)
                            .isPresent();
            if (!question) {
                throw new InvalidInputException(java.util.List.of(new FieldError(
                        "replyTo", "comment.reply-to", "An answer names a question on the same unit.", replyTo)));
            }
        } else if (replyTo != null) {
            throw InvalidInputException.field(
                    "replyTo", "comment.reply-to", "Only an answer replies to a question.", replyTo);
        }
        UnitComment comment = new UnitComment(
                "c-" + UUID.randomUUID(), unit.id(), kind, text, replyTo, context.actor(), context.at(), null, null, 1);
        comments.insert(comment);
        if (kind == UnitComment.Kind.QUESTION) {
            flag(context, unitId);
        }
        return comment;
    }

    /**
     * Resolves a question (its asker, a reviewer or an editor may); resolving a resolved question changes nothing.
     *
     * @throws VersionConflictException when {@code If-Match} names another version of the comment
     * @throws RuleViolationException {@code comment.not-a-question} for answers and notes
     */
    public UnitComment resolve(CommandContext context, String unitId, String commentId) {
        participant(context, unitId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            UnitComment found = comment(unitId, commentId);
            if (context.expectedVersion() != null && context.expectedVersion() != found.version()) {
                throw new VersionConflictException(UnitComments.RESOURCE, commentId, found.version());
            }
            if (found.kind() != UnitComment.Kind.QUESTION) {
                throw new RuleViolationException("comment.not-a-question", "Only a question is resolved.")
                        .with("commentId", commentId);
            }
            if (found.resolvedBy() != null) {
                return found;
            }
            UnitComment resolved = found.resolved(context.actor(), context.at());
            if (comments.tryUpdate(resolved)) {
                flag(context, unitId);
                return resolved;
            }
        }
        throw new IllegalStateException("comment " + commentId + " kept changing");
    }

    /** A page of the unit's comments, oldest first, with their total. */
    public Page<UnitComment> page(CommandContext context, String unitId, PageRequest page) {
        participant(context, unitId);
        return comments.page(unitId, page);
    }

    public UnitComment comment(String unitId, String commentId) {
        return comments.find(unitId, commentId)
                .orElseThrow(() -> new NotFoundException(UnitComments.RESOURCE, commentId));
    }

    private Unit participant(CommandContext context, String unitId) {
        Unit unit = UnitProblems.live(units.find(unitId), unitId);
        Access.requireStaffFor(context.caller(), unit.source().locale(), unit.targetLocale());
        return unit;
    }

    /** Sets the unit's open-question flag from its comments. */
    private void flag(CommandContext context, String unitId) {
        units.modify(
                unitId,
                current -> current.flatMap(unit -> {
                    boolean open = comments.hasOpenQuestion(unitId);
                    if (open == unit.openQuestion()) {
                        return Optional.empty();
                    }
                    return Optional.of(UnitChange.of(
                            unit.toBuilder().openQuestion(open).build(),
                            open ? "question-opened" : "questions-resolved",
                            context));
                }));
    }
}
