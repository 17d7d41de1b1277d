package dev.hashi.content.common;

import org.springframework.http.HttpStatus;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.service.web.ApiProblem;

/** Who may do what with content, decided from the verified caller. */
public final class Access {

    private Access() {}

    /** Content types. */
    public static void requireAdmin(Identity caller) {
        require(caller, Role.ADMIN);
    }

    /** Entry writes, workflow, schedules, preview. */
    public static void requireEditor(Identity caller) {
        require(caller, Role.EDITOR, Role.ADMIN);
    }

    /** Reading drafts, revisions, type definitions and the snapshot. */
    public static void requireDraftReader(Identity caller) {
        require(caller, Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR, Role.ADMIN);
    }

    public static boolean mayEdit(Identity caller) {
        return caller.hasAny(Role.EDITOR, Role.ADMIN);
    }

    public static boolean mayReadDrafts(Identity caller) {
        return caller.hasAny(Role.TRANSLATOR, Role.REVIEWER, Role.EDITOR, Role.ADMIN);
    }

    /**
     * A single draft entry is hidden from callers who may not read drafts: they get the same 404 as for an entry
     * that does not exist, so drafts are never revealed.
     */
    public static void requireDraftReaderOrHide(Identity caller, String entryId) {
        if (!mayReadDrafts(caller)) {
            throw notFound(entryId);
        }
    }

    public static ApiProblem notFound(String entryId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "entry.not-found", "No entry " + entryId + ".")
                .with("entryId", entryId);
    }

    private static void require(Identity caller, Role... roles) {
        if (caller.hasAny(roles)) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "identity.required", "Sign in to use this operation.");
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "access.denied", "Your roles do not allow this operation.")
                .with("subject", caller.subject());
    }
}
