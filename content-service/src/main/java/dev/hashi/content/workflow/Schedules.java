package dev.hashi.content.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.NotFoundException;

/**
 * Scheduled jobs, in {@code schedules}. A job is claimed with one {@code findOneAndUpdate} that moves it from
 * {@code pending} (or from {@code running} with an expired lease) to {@code running}: of two replicas asking at the
 * same moment exactly one gets it.
 */
@Component
public class Schedules {

    /** The resource named in {@code schedule.not-found}. */
    static final String RESOURCE = "schedule";
    /** A scheduled action that is running, done, failed or cancelled cannot be moved or cancelled. */
    static final String NOT_PENDING = "schedule.not-pending";

    private final MongoCollection<Document> collection;

    Schedules(MongoDatabase database) {
        this.collection = database.getCollection("schedules");
        collection.createIndex(Indexes.ascending("status", "at"), new IndexOptions().name("due"));
        collection.createIndex(Indexes.ascending("entryId", "at", "_id"), new IndexOptions().name("entry_at"));
        collection.createIndex(Indexes.ascending("at", "_id"), new IndexOptions().name("calendar"));
        collection.createIndex(
                Indexes.ascending("locale", "status", "at"), new IndexOptions().name("locale_status_at"));
    }

    void add(ScheduledJob job) {
        collection.insertOne(job.toDocument());
    }

    /** Up to {@code limit} jobs of an entry from {@code offset}, due first. */
    List<ScheduledJob> ofEntry(String entryId, int offset, int limit) {
        List<ScheduledJob> jobs = new ArrayList<>();
        collection
                .find(Filters.eq("entryId", entryId))
                .sort(Sorts.ascending("at", "_id"))
                .skip(offset)
                .limit(limit)
                .forEach(d -> jobs.add(ScheduledJob.from(d)));
        return jobs;
    }

    long countOfEntry(String entryId) {
        return collection.countDocuments(Filters.eq("entryId", entryId));
    }

    /** Up to {@code limit} jobs with {@code status} and {@code locale} (either {@code null} for any), due first. */
    List<ScheduledJob> list(String status, String locale, int offset, int limit) {
        return list(filter(status, locale), offset, limit);
    }

    long count(String status, String locale) {
        return count(filter(status, locale));
    }

    private static Bson filter(String status, String locale) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (locale != null) {
            filters.add(Filters.eq("locale", locale));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    private List<ScheduledJob> list(Bson filter, int offset, int limit) {
        List<ScheduledJob> jobs = new ArrayList<>();
        collection
                .find(filter)
                .sort(Sorts.ascending("at", "_id"))
                .skip(offset)
                .limit(limit)
                .forEach(d -> jobs.add(ScheduledJob.from(d)));
        return jobs;
    }

    private long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    /**
     * Moves a pending job of {@code entryId} to {@code at}. The update requires {@code pending}, so a runner that
     * claims the job at the same moment wins or loses cleanly: never both.
     *
     * @throws NotFoundException {@code schedule.not-found}
     * @throws ConflictException {@code schedule.not-pending} with {@code scheduleStatus} when it is no longer pending
     */
    ScheduledJob move(String entryId, String jobId, Instant at, CommandContext context) {
        return changePending(
                entryId,
                jobId,
                Updates.combine(
                        Updates.set("at", Date.from(at)),
                        Updates.unset("retryAt"),
                        Updates.push(
                                "history",
                                new Document("change", "moved")
                                        .append("at", Date.from(at))
                                        .append("by", context.actor())
                                        .append("on", Date.from(context.at())))));
    }

    /**
     * Cancels a pending job of {@code entryId}; it stays listed with status {@code cancelled}.
     *
     * @throws NotFoundException {@code schedule.not-found}
     * @throws ConflictException {@code schedule.not-pending} with {@code scheduleStatus} when it is no longer pending
     */
    ScheduledJob cancel(String entryId, String jobId, CommandContext context) {
        return changePending(
                entryId,
                jobId,
                Updates.combine(
                        Updates.set("status", ScheduledJob.CANCELLED),
                        Updates.set("cancelledBy", context.actor()),
                        Updates.set("cancelledAt", Date.from(context.at()))));
    }

    private ScheduledJob changePending(String entryId, String jobId, Bson update) {
        Document changed = collection.findOneAndUpdate(
                Filters.and(
                        Filters.eq("_id", jobId),
                        Filters.eq("entryId", entryId),
                        Filters.eq("status", ScheduledJob.PENDING)),
                update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (changed != null) {
            return ScheduledJob.from(changed);
        }
        Document current = collection.find(Filters.eq("_id", jobId)).first();
        if (current == null || !entryId.equals(current.getString("entryId"))) {
            throw new NotFoundException(RESOURCE, jobId);
        }
        throw new ConflictException(
                        NOT_PENDING,
                        "Scheduled action " + jobId + " is " + current.getString("status")
                                + "; only pending actions can be moved or cancelled.")
                .with("scheduleStatus", current.getString("status"));
    }

    /** Claims one due job for {@code owner}, if any. */
    Optional<ScheduledJob> claimDue(String owner, Instant now, Instant leaseUntil) {
        Document claimed = collection.findOneAndUpdate(
                Filters.and(
                        Filters.lte("at", Date.from(now)),
                        Filters.or(Filters.exists("retryAt", false), Filters.lte("retryAt", Date.from(now))),
                        Filters.or(
                                Filters.eq("status", ScheduledJob.PENDING),
                                Filters.and(
                                        Filters.eq("status", ScheduledJob.RUNNING),
                                        Filters.lt("leaseUntil", Date.from(now))))),
                Updates.combine(
                        Updates.set("status", ScheduledJob.RUNNING),
                        Updates.set("claimedBy", owner),
                        Updates.set("leaseUntil", Date.from(leaseUntil)),
                        Updates.inc("claims", 1)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("at")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(ScheduledJob::from);
    }

    /** Records the outcome, only if {@code owner} still holds the job. */
    void finish(ScheduledJob job, String owner, String status, String result) {
        collection.updateOne(
                Filters.and(
                        Filters.eq("_id", job.id()),
                        Filters.eq("claimedBy", owner),
                        Filters.eq("status", ScheduledJob.RUNNING)),
                Updates.combine(
                        Updates.set("status", status), Updates.set("result", result), Updates.unset("leaseUntil")));
    }

    /** Marks a try failed with {@code error}, if {@code owner} still holds the job: it is failed for good. */
    void fail(ScheduledJob job, String owner, String result, String error) {
        collection.updateOne(
                Filters.and(
                        Filters.eq("_id", job.id()),
                        Filters.eq("claimedBy", owner),
                        Filters.eq("status", ScheduledJob.RUNNING)),
                Updates.combine(
                        Updates.set("status", ScheduledJob.FAILED),
                        Updates.set("result", result),
                        Updates.set("error", error),
                        Updates.unset("leaseUntil")));
    }

    /** Gives a job back after a failed try, to be tried again from {@code retryAt}, if {@code owner} holds it. */
    void release(ScheduledJob job, String owner, String error, Instant retryAt) {
        collection.updateOne(
                Filters.and(
                        Filters.eq("_id", job.id()),
                        Filters.eq("claimedBy", owner),
                        Filters.eq("status", ScheduledJob.RUNNING)),
                Updates.combine(
                        Updates.set("status", ScheduledJob.PENDING),
                        Updates.set("error", error),
                        Updates.set("retryAt", Date.from(retryAt)),
                        Updates.unset("leaseUntil")));
    }
}
