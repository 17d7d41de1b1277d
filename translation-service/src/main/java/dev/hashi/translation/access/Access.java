package dev.hashi.translation.access;

import org.springframework.http.HttpStatus;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.service.web.ApiProblem;

/**
 * Who may do what: anonymous callers nothing (401), readers nothing (403); translators work within their locale
 * pairs; reviewers approve and reject; editors and admins manage everything.
 */
public final class Access {

    private Access() {}

    /** Anyone working on translations: translator, reviewer, editor or admin. */
    public static void requireStaff(Identity caller) {
        requireAny(caller, Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR, Role.ADMIN);
    }

    public static void requireManager(Identity caller) {
        requireAny(caller, Role.EDITOR, Role.ADMIN);
    }

    public static void requireReviewer(Identity caller) {
        requireAny(caller, Role.REVIEWER, Role.ADMIN);
    }

    public static void requireAdmin(Identity caller) {
        requireAny(caller, Role.ADMIN);
    }

    /** A translator granted {@code source → target}, or an editor or admin. */
    public static void requireTranslatorFor(Identity caller, String source, String target) {
        requireAny(caller, Role.TRANSLATOR, Role.EDITOR, Role.ADMIN);
        if (!caller.hasAny(Role.EDITOR, Role.ADMIN) && !caller.mayTranslate(source, target)) {
            throw new ApiProblem(
                            HttpStatus.FORBIDDEN,
                            "access.locale-pair",
                            "You may not translate from " + source + " into " + target + ".")
                    .with("sourceLocale", source)
                    .with("targetLocale", target);
        }
    }

    public static boolean isManager(Identity caller) {
        return caller.hasAny(Role.EDITOR, Role.ADMIN);
    }

    private static void requireAny(Identity caller, Role... roles) {
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "identity.required", "Sign in to work on translations.");
        }
        if (!caller.hasAny(roles)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access.denied", "Your role may not do this.");
        }
    }
}
