package dev.hashi.translation.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.ConflictException;
import dev.hashi.translation.unit.ContentTracking;
import dev.hashi.translation.unit.MediaTracking;
import dev.hashi.translation.unit.SourceOnlyRules;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.Units;

/**
 * Recomputes every unit from content alone, into a scratch collection, then brings the live units in line: content
 * facts are taken from the rebuild; translators' work and editors' planning are kept. The
 * replayed events are applied as their own actors under their own trace ids; the alignment is recorded as the admin
 * who asked for it, under the request's trace. One rebuild at a time across replicas (a lease in {@code locks});
 * units written after the rebuild started are never marked removed.
 */
@Service
@EnableConfigurationProperties(RebuildSettings.class)
public class Rebuild {

    static final String SCRATCH = "units_rebuild_";
    static final String LEASE = "rebuild";
    static final java.time.Duration LEASE_TIME = java.time.Duration.ofHours(1);
    static final String ACTOR = "system";

    /** What a rebuild did. */
    public record Report(String from, long events, int units, int created, int changed, int unchanged, int removed) {}

    private final Units live;
    private final SupportedLocales locales;
    private final EventCodec codec;
    private final RebuildSettings settings;
    private final String bootstrapServers;
    private final ContentSnapshots snapshots;
    private final RebuildLocks locks;
    private final SourceOnlyRules rules;

    Rebuild(
            Units live,
            RebuildLocks locks,
            SourceOnlyRules rules,
            SupportedLocales locales,
            EventCodec codec,
            RebuildSettings settings,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${cms.security.gateway-secret:}") String gatewaySecret) {
        this.live = live;
        this.locks = locks;
        this.rules = rules;
        this.locales = locales;
        this.codec = codec;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.snapshots = new HttpContentSnapshots(settings.contentUrl(), gatewaySecret);
    }

    /** Rebuilds by replaying the content topic from its beginning; admins only. */
    public Report fromTopic(CommandContext context) {
        Access.requireAdmin(context.caller());
        long[] events = {0};
        return rebuild(
                context,
                "topic",
                tracking ->
                        events[0] = TopicReplay.replay(bootstrapServers, codec, settings.replayIdle(), tracking::apply),
                events);
    }

    /**
     * Rebuilds from content-service's snapshot endpoint; admins only.
     *
     * @throws dev.hashi.service.error.UnavailableException {@code rebuild.snapshot-unavailable} when content-service
     *     cannot serve it (the live units are not changed then)
     */
    public Report fromSnapshot(CommandContext context) {
        return fromSnapshot(context, snapshots);
    }

    Report fromSnapshot(CommandContext context, ContentSnapshots source) {
        Access.requireAdmin(context.caller());
        int limit = Math.min(settings.pageSize(), ContentSnapshots.MAX_LIMIT);
        long[] entries = {0};
        return rebuild(
                context,
                "snapshot",
                tracking -> {
                    String cursor = null;
                    do {
                        ContentSnapshots.Page page = source.page(cursor, limit);
                        for (ContentSnapshots.Entry entry : page.items()) {
                            tracking.apply(asEvent(entry, context));
                            entries[0]++;
                        }
                        cursor = page.items().isEmpty() ? null : page.next();
                    } while (cursor != null);
                },
                entries);
    }

    /**
     * Runs one rebuild under the lease shared by all replicas, into a scratch collection of its own that it drops.
     *
     * @throws ConflictException {@code rebuild.running} while another rebuild holds the lease
     */
    private Report rebuild(CommandContext context, String from, Consumer<ContentTracking> feed, long[] fed) {
        String owner = java.util.UUID.randomUUID().toString().replace("-", "");
        if (!locks.tryAcquire(LEASE, owner, context.at(), context.at().plus(LEASE_TIME))) {
            throw new ConflictException("rebuild.running", "Another rebuild is running; try again when it is done.");
        }
        Units rebuilt = live.scratch(SCRATCH + owner);
        try {
            return rebuild(context, from, feed, fed, rebuilt);
        } finally {
            rebuilt.drop();
            locks.release(LEASE, owner);
        }
    }

    private Report rebuild(
            CommandContext context, String from, Consumer<ContentTracking> feed, long[] fed, Units rebuilt) {
        Map<String, Long> liveAtStart = new HashMap<>();
        // Units of media assets come from media events, which a content rebuild does not replay: never touch them.
        live.forEachLive(unit -> {
            if (!MediaTracking.ofMedia(unit)) {
                liveAtStart.put(unit.id(), unit.rev());
            }
        });
        feed.accept(new ContentTracking(rebuilt, locales, rules));
        CommandContext by = context;
        AtomicInteger created = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        Set<String> seen = new HashSet<>();
        rebuilt.forEach(unit -> {
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
        // Only units that existed when the rebuild started and have not been written since may be removed.
        List<String> stale = new ArrayList<>();
        liveAtStart.keySet().forEach(id -> {
            if (!seen.contains(id)) {
                stale.add(id);
            }
        });
        AtomicInteger removed = new AtomicInteger();
        stale.forEach(id -> live.modify(
                id,
                current -> current.filter(unit -> !unit.removed() && unit.rev() == liveAtStart.get(id))
                        .map(unit -> {
                            removed.incrementAndGet();
                            return UnitChange.of(unit.toBuilder().removed(true).build(), "rebuilt", by);
                        })));
        return new Report(from, fed[0], seen.size(), created.get(), changed.get(), unchanged.get(), removed.get());
    }

    private static Optional<UnitChange> reconcile(Optional<Unit> current, Unit rebuilt, CommandContext by) {
        if (current.isEmpty()) {
            return Optional.of(UnitChange.of(rebuilt, "rebuilt", by));
        }
        Unit.Versions now = current.get().versions();
        if (now.source() > rebuilt.versions().source()
                || now.target() > rebuilt.versions().target()) {
            return Optional.empty(); // content newer than the rebuild's reached the unit meanwhile
        }
        Unit merged = current.get().rebasedOn(rebuilt);
        if (merged.equals(current.get())) {
            return Optional.empty();
        }
        return Optional.of(UnitChange.of(merged, "rebuilt", by));
    }

    /** A snapshot entry as the event that would have brought it, under the rebuild's trace. */
    private static EventEnvelope<ContentEntryChanged> asEvent(ContentSnapshots.Entry entry, CommandContext context) {
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
                entry.entryId(), entry.type(), entry.titles() == null ? java.util.Map.of() : entry.titles(), changes);
        return EventEnvelope.of(payload, entry.entryId(), entry.version(), context.traceId(), ACTOR, context.at());
    }
}
