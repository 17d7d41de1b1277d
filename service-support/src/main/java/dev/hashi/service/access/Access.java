package dev.hashi.service.access;

import java.util.Arrays;
import java.util.List;

import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.service.error.ForbiddenException;
import dev.hashi.service.error.UnauthenticatedException;

/**
 * Every role and locale-pair check of the domain services, in one place. Anonymous callers who lack a role are
 * asked to sign in ({@code auth.required}); signed-in callers who lack it are refused ({@code auth.forbidden}).
 */
public final class Access {

    /** Everyone who works on content or translations and may read drafts. */
    private static final Role[] STAFF = {Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR, Role.ADMIN};

    private Access() {}

    /** Admins: content types, API tokens, rebuilds. */
    public static void requireAdmin(Identity caller) {
        requireAny(caller, Role.ADMIN);
    }

    /** Editors and admins: entry writes, workflow, schedules, translation management. */
    public static void requireEditor(Identity caller) {
        requireAny(caller, Role.EDITOR, Role.ADMIN);
    }

    /** Reviewers and admins: approving and rejecting translations. */
    public static void requireReviewer(Identity caller) {
        requireAny(caller, Role.REVIEWER, Role.ADMIN);
    }

    /** Translators, reviewers, editors and admins: drafts, revisions, queues, progress. */
    public static void requireStaff(Identity caller) {
        requireAny(caller, STAFF);
    }

    /**
     * A translator whose locale pairs cover {@code source → target}, or an editor or admin.
     *
     * @throws ForbiddenException with {@code reason: locale-pair} when a translator's pairs do not cover it
     */
    public static void requireTranslatorFor(Identity caller, String source, String target) {
        requireAny(caller, Role.TRANSLATOR, Role.EDITOR, Role.ADMIN);
        if (!isEditor(caller) && !caller.mayTranslate(source, target)) {
            throw new ForbiddenException("You may not translate from " + source + " into " + target + ".")
                    .with("reason", "locale-pair")
                    .with("sourceLocale", source)
                    .with("targetLocale", target);
        }
    }

    /**
     * A reviewer holding a locale pair that covers {@code source → target}, or an admin.
     *
     * @throws ForbiddenException {@code reason: role} for other roles, {@code reason: locale-pair} when no pair covers it
     */
    public static void requireReviewerFor(Identity caller, String source, String target) {
        requireReviewer(caller);
        requirePair(caller, source, target);
    }

    /**
     * An editor or admin, or a reviewer holding a pair that covers {@code source → target}; {@code source} may be
     * {@code null} for a decision about every source (then any pair into {@code target} will do, {@code *} included).
     * Approving or returning a locale in review, in content and in translation.
     *
     * @throws ForbiddenException {@code reason: role} for other roles, {@code reason: locale-pair} when no pair covers it
     */
    public static void requireEditorOrReviewerFor(Identity caller, String source, String target) {
        requireAny(caller, Role.EDITOR, Role.REVIEWER, Role.ADMIN);
        if (!isEditor(caller)) {
            requirePair(caller, source, target);
        }
    }

    /**
     * An editor or admin, or a translator or reviewer holding a pair that covers {@code source → target}: who may take
     * part in the conversation on a unit.
     */
    public static void requireStaffFor(Identity caller, String source, String target) {
        requireStaff(caller);
        if (!isEditor(caller)) {
            requirePair(caller, source, target);
        }
    }

    /** The locale-pair rule: one of the caller's pairs {@link LocalePair#covers covers} the direction; admins pass. */
    private static void requirePair(Identity caller, String source, String target) {
        if (caller.has(Role.ADMIN)) {
            return;
        }
        boolean covered = caller.localePairs().stream()
                .anyMatch(pair -> pair.covers(source == null ? pair.source() : source, target));
        if (!covered) {
            String from = source == null ? "*" : source;
            throw new ForbiddenException("You may not review from " + from + " into " + target + ".")
                    .with("reason", "locale-pair")
                    .with("sourceLocale", from)
                    .with("targetLocale", target);
        }
    }

    public static boolean isEditor(Identity caller) {
        return caller.hasAny(Role.EDITOR, Role.ADMIN);
    }

    public static boolean isStaff(Identity caller) {
        return caller.hasAny(STAFF);
    }

    /**
     * Passes when the caller holds any of {@code roles}.
     *
     * @throws UnauthenticatedException for anonymous callers
     * @throws ForbiddenException naming the roles that would do
     */
    public static void requireAny(Identity caller, Role... roles) {
        if (caller.hasAny(roles)) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new UnauthenticatedException("Sign in to use this operation.");
        }
        List<String> wanted = Arrays.stream(roles).map(Role::wireName).toList();
        throw new ForbiddenException("Your roles do not allow this operation.")
                .with("reason", "role")
                .with("requiredRoles", wanted);
    }
}
