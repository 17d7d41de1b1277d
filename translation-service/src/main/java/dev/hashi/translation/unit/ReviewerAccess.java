package dev.hashi.translation.unit;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.service.access.Access;
import dev.hashi.service.error.ForbiddenException;

/**
 * Reviewers hold locale pairs as translators do ({@code ja:en}, {@code *} for any locale): a reviewer acts only on
 * units whose direction one of their pairs covers; admins act on every unit.
 */
public final class ReviewerAccess {

    private ReviewerAccess() {}

    /**
     * A reviewer holding a pair that covers {@code source → target}, or an admin.
     *
     * @throws ForbiddenException {@code reason: role} for other roles, {@code reason: locale-pair} when no pair covers it
     */
    public static void requireReviewerFor(Identity caller, String source, String target) {
        Access.requireReviewer(caller);
        requirePair(caller, source, target);
    }

    /**
     * An editor or admin, or a reviewer holding a pair that covers {@code source → target}; {@code source} may be
     * {@code null} for a decision about every source (then any pair into {@code target} will do).
     */
    public static void requireEditorOrReviewerFor(Identity caller, String source, String target) {
        Access.requireAny(caller, Role.EDITOR, Role.REVIEWER, Role.ADMIN);
        if (!Access.isEditor(caller)) {
            requirePair(caller, source, target);
        }
    }

    /**
     * An editor or admin, or a translator or reviewer holding a pair that covers {@code source → target}: who may
     * take part in the conversation on a unit.
     */
    public static void requireStaffFor(Identity caller, String source, String target) {
        Access.requireStaff(caller);
        if (!Access.isEditor(caller)) {
            requirePair(caller, source, target);
        }
    }

    private static void requirePair(Identity caller, String source, String target) {
        if (caller.has(Role.ADMIN)) {
            return;
        }
        boolean covered = caller.localePairs().stream()
                .anyMatch(pair -> pair.covers(source == null ? pair.source() : source, target));
        if (!covered) {
            throw new ForbiddenException("You may not review from " + source + " into " + target + ".")
                    .with("reason", "locale-pair")
                    .with("sourceLocale", source == null ? "*" : source)
                    .with("targetLocale", target);
        }
    }
}
