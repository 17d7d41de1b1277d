package dev.hashi.content.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.VersionConflictException;

/**
 * Runs due scheduled jobs. Every replica runs one; the claim in {@link Schedules} makes each job run once. A job whose
 * runner died is taken over after its lease; its action is not applied again, because the entry remembers the jobs
 * that changed it ({@link Entry#appliedBy}) in the same write as the change. Each job runs as
 * {@code scheduler:<subject who scheduled it>} under the trace of the request that scheduled it, retrying version
 * conflicts with the entry read again. A try that fails unexpectedly gives the job back for a later try; after
 * {@link ScheduleProperties#maxAttempts()} tries (a runner that died counts) the job is {@code failed} with its error.
 */
public class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final int CONFLICT_RETRIES = 5;
    /** The result of a job that failed {@link ScheduleProperties#maxAttempts()} times. */
    static final String ATTEMPTS_EXHAUSTED = "schedule.attempts-exhausted";

    private final Schedules schedules;
    private final Entries entries;
    private final Publishing publishing;
    private final ScheduleProperties settings;
    private final Clock clock;
    private final String owner = "scheduler-" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    public ScheduleRunner(
            Schedules schedules, Entries entries, Publishing publishing, ScheduleProperties settings, Clock clock) {
        this.schedules = schedules;
        this.entries = entries;
        this.publishing = publishing;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs every job due now; returns how many this runner ran. */
    public int runDue() {
        int ran = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            Optional<ScheduledJob> job = schedules.claimDue(owner, now, now.plus(settings.lease()));
            if (job.isEmpty()) {
                return ran;
            }
            attempt(job.get());
            ran++;
        }
        return ran;
    }

    private void attempt(ScheduledJob job) {
        if (job.attempts() > settings.maxAttempts()) {
            exhausted(job, job.error() == null ? "Its runner stopped before finishing it." : job.error());
            return;
        }
        try {
            run(job);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (job.attempts() >= settings.maxAttempts()) {
                exhausted(job, error);
            } else {
                log.warn("scheduled job {} failed on try {}, will try again: {}", job.id(), job.attempts(), error);
                schedules.release(
                        job,
                        owner,
                        error,
                        clock.instant().plus(settings.retryBackoff().multipliedBy(job.attempts())));
            }
        }
    }

    private void exhausted(ScheduledJob job, String error) {
        log.warn("scheduled job {} failed {} times, giving up: {}", job.id(), job.attempts(), error);
        schedules.fail(job, owner, ATTEMPTS_EXHAUSTED, error);
    }

    private void run(ScheduledJob job) {
        WorkflowAction action = WorkflowAction.fromWire(job.action())
                .orElseThrow(() -> new IllegalStateException(
                        "Job " + job.id() + " has an unknown action '" + job.action() + "'."));
        Identity scheduler = new Identity("scheduler:" + job.requestedBy(), Set.of(Role.EDITOR), Set.of());
        for (int attempt = 1; ; attempt++) {
            CommandContext context = CommandContext.system(scheduler, job.traceId(), clock.instant());
            try {
                Entry entry = entries.require(job.entryId());
                Optional<Long> applied = entry.appliedBy(job.id());
                if (applied.isPresent()) {
                    log.info("scheduled job {} was applied before its runner stopped; recording it", job.id());
                    schedules.finish(job, owner, ScheduledJob.DONE, String.valueOf(applied.get()));
                    return;
                }
                Entry after = publishing.apply(entry, job.locale(), action, job.id(), context);
                schedules.finish(job, owner, ScheduledJob.DONE, String.valueOf(after.version()));
                return;
            } catch (VersionConflictException conflict) {
                if (attempt < CONFLICT_RETRIES) {
                    continue;
                }
                failed(job, conflict);
                return;
            } catch (DomainException problem) {
                failed(job, problem);
                return;
            }
        }
    }

    private void failed(ScheduledJob job, DomainException problem) {
        log.warn("scheduled {} of {} {} failed: {}", job.action(), job.entryId(), job.locale(), problem.code());
        schedules.finish(job, owner, ScheduledJob.FAILED, problem.code());
    }

    public synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "content-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        runDue();
                    } catch (RuntimeException e) {
                        log.warn("scheduler pass failed, will retry: {}", e.getMessage());
                    }
                },
                interval,
                interval,
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
