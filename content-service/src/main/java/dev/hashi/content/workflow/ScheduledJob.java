package dev.hashi.content.workflow;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * A publish or unpublish due at an instant, as stored.
 *
 * @param status  {@code pending}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param result  for a done job the entry version it produced, for a failed one the problem code
 * @param traceId  the request id of the request that scheduled it, continued by the run
 * @param attempts how many times a runner has claimed it
 * @param error    what went wrong on the last failed try, {@code null} if none did
 */
record ScheduledJob(
        String id,
        String entryId,
        String locale,
        String action,
        Instant at,
        String status,
        String requestedBy,
        String claimedBy,
        String result,
        String traceId,
        int attempts,
        String error) {

    /** A job as it is scheduled, before any try. */
    ScheduledJob(
            String id,
            String entryId,
            String locale,
            String action,
            Instant at,
            String status,
            String requestedBy,
            String claimedBy,
            String result,
            String traceId) {
        this(id, entryId, locale, action, at, status, requestedBy, claimedBy, result, traceId, 0, null);
    }

    static final String PENDING = "pending";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    static ScheduledJob from(Document d) {
        return new ScheduledJob(
                d.getString("_id"),
                d.getString("entryId"),
                d.getString("locale"),
                d.getString("action"),
                instant(d.getDate("at")),
                d.getString("status"),
                d.getString("requestedBy"),
                d.getString("claimedBy"),
                d.getString("result"),
                d.getString("traceId"),
                d.getInteger("claims", 0),
                d.getString("error"));
    }

    Document toDocument() {
        return new Document("_id", id)
                .append("entryId", entryId)
                .append("locale", locale)
                .append("action", action)
                .append("at", Date.from(at))
                .append("status", status)
                .append("requestedBy", requestedBy)
                .append("traceId", traceId);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
