package dev.hashi.content.workflow;

import java.time.Instant;

/**
 * A scheduled workflow action as the API shows it.
 *
 * @param action    {@code publish} or {@code unpublish}
 * @param at        when it is due
 * @param status    {@code pending}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param result    for a done job the entry version it produced, for a failed one the problem code
 * @param createdBy who scheduled it
 * @param attempts  how many times it was tried
 * @param error     what went wrong on the last failed try
 */
record ScheduleView(
        String scheduleId,
        String entryId,
        String locale,
        String action,
        Instant at,
        String status,
        String result,
        String createdBy,
        int attempts,
        String error) {

    static ScheduleView of(ScheduledJob job) {
        return new ScheduleView(
                job.id(),
                job.entryId(),
                job.locale(),
                job.action(),
                job.at(),
                job.status(),
                job.result(),
                job.requestedBy(),
                job.attempts(),
                job.error());
    }
}
