package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.locale.LocaleException;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.command.CommandContext;

/**
 * Keeps units in step with content: every value written in a supported locale S gets a unit for each other
 * supported locale; translation writes and removals update the unit of their locale. Safe to apply an event
 * twice or out of order.
 */
public final class ContentTracking {

    private static final Logger log = LoggerFactory.getLogger(ContentTracking.class);

    /** The actor recorded for events that name none. */
    static final String SYSTEM = "system";

    private final Units units;
    private final SupportedLocales locales;
    private final SourceOnlyRules rules;

    /**
     * Tracking into {@code units}; a unit created for a field path or entry that a source-only rule of {@code rules}
     * covers starts decided ({@code rules} may be {@code null}: no rules).
     */
    public ContentTracking(Units units, SupportedLocales locales, SourceOnlyRules rules) {
        this.units = units;
        this.locales = locales;
        this.rules = rules;
    }

    /**
     * Applies a content event as its actor, under its trace id and at its time; types other than entry changed or
     * deleted are ignored.
     *
     * <p>Each unit write is guarded by the event's version for the side it changes, so applying the event again
     * changes nothing already applied. A unit that fails does not stop the event's other units; the first failure
     * is rethrown at the end (the others suppressed in it), so the event is delivered again and completes then.
     */
    public void apply(EventEnvelope<?> event) {
        CommandContext by = contextOf(event);
        List<RuntimeException> failures = new ArrayList<>();
        if (event.payload() instanceof ContentEntryChanged changed) {
            for (FieldValueChange change : changed.changes()) {
                apply(changed, change, event.aggregateVersion(), by, failures);
            }
            if (changed.titles() != null && !changed.titles().isEmpty()) {
                attempt(
                        failures,
                        () -> units.updateTitles(
                                changed.entryId(),
                                changed.titles(),
                                changed.contentType(),
                                event.aggregateVersion(),
                                by));
            }
        } else if (event.payload() instanceof ContentEntryDeleted deleted) {
            for (Unit unit : units.ofEntry(deleted.entryId())) {
                attempt(
                        failures,
                        () -> units.modify(
                                unit.id(),
                                current -> ContentRules.onEntryDeleted(current, event.aggregateVersion(), by)));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void apply(
            ContentEntryChanged entry,
            FieldValueChange change,
            long version,
            CommandContext by,
            List<RuntimeException> failures) {
        Optional<LocaleTag> locale = supported(change.locale());
        if (locale.isEmpty()) {
            log.warn(
                    "ignoring value of entry {} at {} in unsupported locale {}",
                    entry.entryId(),
                    change.path(),
                    change.locale());
            return;
        }
        if (change.write() == FieldValueChange.WriteKind.SOURCE) {
            for (LocaleTag target : locales.others(locale.get())) {
                String id = UnitIds.of(entry.entryId(), change.path(), target.tag());
                attempt(
                        failures,
                        () -> units.modify(
                                id,
                                current -> ContentRules.onSource(
                                                current, id, entry, change, locale.get(), target, version, by)
                                        .map(next -> current.isEmpty() ? decidedByRule(next) : next)));
            }
            attempt(
                    failures,
                    () -> units.modify(
                            UnitIds.of(
                                    entry.entryId(), change.path(), locale.get().tag()),
                            current -> ContentRules.onLocaleBecameSource(current, version, by)));
        } else {
            attempt(
                    failures,
                    () -> units.modify(
                            UnitIds.of(
                                    entry.entryId(), change.path(), locale.get().tag()),
                            current -> ContentRules.onTarget(current, change, version, by)));
        }
    }

    /** A new unit's change, decided source-only when a rule covers the unit. */
    private UnitChange decidedByRule(UnitChange created) {
        if (rules == null) {
            return created;
        }
        Unit unit = created.after();
        return rules.covering(unit)
                .map(rule -> created.withAfter(unit.toBuilder()
                                .decision(rule.decisionFor(unit))
                                .build())
                        .comment("source-only by rule " + rule.id() + ": " + rule.reason()))
                .orElse(created);
    }

    /** The context of background work on an event: its actor (an editor of content), trace and time. */
    static CommandContext contextOf(EventEnvelope<?> event) {
        String actor =
                event.actor() != null && Identity.SUBJECT.matcher(event.actor()).matches() ? event.actor() : SYSTEM;
        return CommandContext.system(
                new Identity(actor, Set.of(Role.EDITOR), Set.of()), event.traceId(), event.occurredAt());
    }

    private Optional<LocaleTag> supported(String tag) {
        try {
            return tag == null ? Optional.empty() : Optional.of(locales.require(tag));
        } catch (LocaleException e) {
            return Optional.empty();
        }
    }
}
