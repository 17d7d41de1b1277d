package dev.hashi.translation.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.translation.unit.ContentTracking;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitFields;
import dev.hashi.translation.unit.Units;

/**
 * Recomputes every unit from content alone, into a scratch collection, then brings the live units in line: content
 * facts are taken from the rebuild; translators' work and editors' planning are kept. One rebuild at a time.
 */
@Service
@EnableConfigurationProperties(RebuildSettings.class)
public class Rebuild {

    static final String SCRATCH = "units_rebuild";
    static final String ACTOR = "system";

    /** What a rebuild did. */
    public record Report(String from, long events, int units, int created, int changed, int unchanged, int removed) {}

    private final MongoDatabase database;
    private final Units live;
    private final SupportedLocales locales;
    private final EventCodec codec;
    private final RebuildSettings settings;
    private final String bootstrapServers;
    private final ContentSnapshots snapshots;
    private final Clock clock;

    Rebuild(
            MongoDatabase database,
            Units live,
            SupportedLocales locales,
            EventCodec codec,
            RebuildSettings settings,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${cms.security.gateway-secret:}") String gatewaySecret,
            Clock clock) {
        this.database = database;
        this.live = live;
        this.locales = locales;
        this.codec = codec;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.snapshots = new HttpContentSnapshots(settings.contentUrl(), gatewaySecret);
        this.clock = clock;
    }

    /** Rebuilds by replaying the content topic from its beginning. */
    public synchronized Report fromTopic() {
        long[] events = {0};
        return rebuild(
                "topic",
                tracking ->
                        events[0] = TopicReplay.replay(bootstrapServers, codec, settings.replayIdle(), tracking::apply),
                events);
    }

    /** Rebuilds from content-service's snapshot endpoint. */
    public synchronized Report fromSnapshot() {
        return fromSnapshot(snapshots);
    }

    synchronized Report fromSnapshot(ContentSnapshots source) {
        long[] entries = {0};
        return rebuild(
                "snapshot",
                tracking -> {
                    String after = null;
                    do {
                        ContentSnapshots.Page page = source.page(after, settings.pageSize());
                        for (ContentSnapshots.Entry entry : page.items()) {
                            tracking.apply(asEvent(entry));
                            entries[0]++;
                        }
                        after = page.items().isEmpty() ? null : page.next();
                    } while (after != null);
                },
                entries);
    }

    private Report rebuild(String from, Consumer<ContentTracking> feed, long[] fed) {
        MongoCollection<Document> scratch = database.getCollection(SCRATCH);
        scratch.drop();
        Units rebuilt = Units.scratch(scratch);
        feed.accept(new ContentTracking(rebuilt, locales));
        UnitChange.Actor by = new UnitChange.Actor(ACTOR, clock.instant(), null);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        Set<String> seen = new HashSet<>();
        rebuilt.forEach(Filters.empty(), unit -> {
            seen.add(unit.id());
            Optional<Unit> before = live.find(unit.id());
            Optional<Unit> after = live.modify(unit.id(), current -> reconcile(current, unit, by));
            if (before.isEmpty()) {
                created.incrementAndGet();
            } else if (after.equals(before)) {
                unchanged.incrementAndGet();
            } else {
                changed.incrementAndGet();
            }
        });
        List<String> stale = new ArrayList<>();
        live.forEach(Filters.eq(UnitFields.REMOVED, false), unit -> {
            if (!seen.contains(unit.id())) {
                stale.add(unit.id());
            }
        });
        stale.forEach(id -> live.modify(
                id,
                current -> current.filter(unit -> !unit.removed())
                        .map(unit -> UnitChange.of(unit.withRemoved(true), "rebuilt", by))));
        scratch.drop();
        return new Report(from, fed[0], seen.size(), created.get(), changed.get(), unchanged.get(), stale.size());
    }

    private static Optional<UnitChange> reconcile(Optional<Unit> current, Unit rebuilt, UnitChange.Actor by) {
        if (current.isEmpty()) {
            return Optional.of(UnitChange.of(rebuilt, "rebuilt", by));
        }
        Unit merged = current.get().rebasedOn(rebuilt);
        if (merged.equals(current.get())) {
            return Optional.empty();
        }
        return Optional.of(UnitChange.of(merged, "rebuilt", by));
    }

    private EventEnvelope<ContentEntryChanged> asEvent(ContentSnapshots.Entry entry) {
        List<FieldValueChange> changes = new ArrayList<>();
        for (ContentSnapshots.Value value : entry.values()) {
            if (value.isSource()) {
                changes.add(new FieldValueChange(
                        value.path(),
                        value.locale(),
                        value.originLocale(),
                        value.text(),
                        value.sourceHash(),
                        FieldValueChange.WriteKind.SOURCE,
                        false,
                        false,
                        null));
            }
        }
        for (ContentSnapshots.Value value : entry.values()) {
            if (!value.isSource()) {
                changes.add(new FieldValueChange(
                        value.path(),
                        value.locale(),
                        value.originLocale(),
                        value.text(),
                        value.sourceHash(),
                        FieldValueChange.WriteKind.TRANSLATION,
                        false,
                        false,
                        value.translationUnitId()));
            }
        }
        ContentEntryChanged payload = new ContentEntryChanged(
                entry.entryId(),
                entry.contentType(),
                entry.titles() == null ? java.util.Map.of() : entry.titles(),
                changes);
        return EventEnvelope.of(payload, entry.entryId(), entry.version(), null, ACTOR, clock.instant());
    }
}
