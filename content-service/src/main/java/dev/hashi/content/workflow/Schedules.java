package dev.hashi.content.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
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

/**
 * Scheduled jobs, in {@code schedules}. A job is claimed with one {@code findOneAndUpdate} that moves it from
 * {@code pending} (or from {@code running} with an expired lease) to {@code running}: of two replicas asking at the
 * same moment exactly one gets it.
 */
@Component
public class Schedules {

    private final MongoCollection<Document> collection;

    Schedules(MongoDatabase database) {
        this.collection = database.getCollection("schedules");
        collection.createIndex(Indexes.ascending("status", "at"), new IndexOptions().name("due"));
        collection.createIndex(Indexes.ascending("entryId", "at", "_id"), new IndexOptions().name("entry_at"));
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
