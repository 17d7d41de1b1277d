package dev.hashi.service.command;

import java.time.Instant;
import java.util.Objects;

import dev.hashi.identity.Identity;

/**
 * Who asks for a change, under which trace, and when: passed explicitly into domain code, so it never reads a web
 * filter's thread-local. Controllers take it as a parameter; background work (consumers, schedulers) makes one
 * with {@link #system}.
 *
 * @param caller          the verified caller
 * @param traceId         the request id or trace the change belongs to; may be {@code null} for background work
 * @param at              when the change is made
 * @param expectedVersion the version of the resource the caller's change is based on ({@code If-Match} on HTTP);
 *                        {@code null} when the caller named none
 */
public record CommandContext(Identity caller, String traceId, Instant at, Long expectedVersion) {

    public CommandContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(at, "at");
    }

    public CommandContext(Identity caller, String traceId, Instant at) {
        this(caller, traceId, at, null);
    }

    /** The same command, based on {@code version} of the resource it changes. */
    public CommandContext expecting(Long version) {
        return new CommandContext(caller, traceId, at, version);
    }

    /** The subject recorded as the actor of changes and events. */
    public String actor() {
        return caller.subject();
    }

    /** The same caller and trace at another instant (e.g. a retry after a version conflict). */
    public CommandContext at(Instant instant) {
        return new CommandContext(caller, traceId, instant, expectedVersion);
    }

    /** Background work on behalf of {@code caller}, continuing {@code traceId} (may be {@code null}). */
    public static CommandContext system(Identity caller, String traceId, Instant at) {
        return new CommandContext(caller, traceId, at);
    }
}
