package dev.hashi.translation.unit;

import java.util.Objects;
import java.util.Optional;

import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.TextMeasure;
import dev.hashi.locale.TextSize;
import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;

/**
 * How one localized value written or removed in content changes one unit. Each side of a unit (source, target)
 * remembers the last content version applied to it, so a duplicate or an older event changes nothing.
 */
final class ContentRules {

    private ContentRules() {}

    static Optional<UnitChange> onSource(
            Optional<Unit> current,
            String id,
            ContentEntryChanged entry,
            FieldValueChange change,
            LocaleTag sourceLocale,
            LocaleTag target,
            long version,
            CommandContext by) {
        if (current.isEmpty()) {
            if (change.removed() || change.text() == null) {
                return Optional.empty();
            }
            Unit created = new Unit(
                    id,
                    entry.entryId(),
                    entry.contentType(),
                    change.path(),
                    target.tag(),
                    UnitState.UNTRANSLATED,
                    source(change, sourceLocale),
                    null,
                    null,
                    Unit.Work.NONE,
                    Unit.Plan.NONE,
                    entry.titles(),
                    new Unit.Versions(version, 0, version),
                    false,
                    null,
                    false,
                    0);
            return Optional.of(UnitChange.of(created, "created", by)
                    .texts(null, created.source().text()));
        }
        Unit unit = current.get();
        if (version <= unit.versions().source()) {
            return Optional.empty();
        }
        UnitBuilder next = unit.toBuilder()
                .versions(new Unit.Versions(
                        version, unit.versions().target(), unit.versions().titles()));
        if (change.removed() || change.text() == null) {
            return Optional.of(UnitChange.of(next.removed(true).build(), "source-removed", by)
                    .texts(unit.source().text(), null));
        }
        Unit.Source source = source(change, sourceLocale);
        next.removed(false).source(source);
        if (!sourceLocale.tag().equals(unit.source().locale())) {
            return Optional.of(UnitChange.of(
                            next.target(null)
                                    .work(Unit.Work.NONE)
                                    .outdated(null)
                                    .build(),
                            "source-locale-changed",
                            by)
                    .texts(unit.source().text(), source.text()));
        }
        String oldHash = unit.source().hash();
        if (source.hash().equals(oldHash)) {
            if (source.text().equals(unit.source().text()) && !unit.removed()) {
                return Optional.empty();
            }
            return Optional.of(UnitChange.of(next.build(), "source-reformatted", by)
                    .texts(unit.source().text(), source.text()));
        }
        if (change.minor()) {
            return Optional.of(UnitChange.of(keptCurrent(next.build(), oldHash, source.hash()), "source-minor-edit", by)
                    .texts(unit.source().text(), source.text()));
        }
        Unit.Outdated outdated = unit.outdated() != null
                ? new Unit.Outdated(unit.outdated().oldText(), unit.outdated().oldHash(), source.text())
                : new Unit.Outdated(unit.source().text(), oldHash, source.text());
        return Optional.of(UnitChange.of(next.outdated(outdated).build(), "source-changed", by)
                .texts(unit.source().text(), source.text()));
    }

    static Optional<UnitChange> onLocaleBecameSource(Optional<Unit> current, long version, CommandContext by) {
        if (current.isEmpty()
                || current.get().removed()
                || version <= current.get().versions().source()) {
            return Optional.empty();
        }
        Unit unit = current.get();
        return Optional.of(UnitChange.of(removed(unit, version), "locale-became-source", by));
    }

    static Optional<UnitChange> onTarget(
            Optional<Unit> current, FieldValueChange change, long version, CommandContext by) {
        if (current.isEmpty() || version <= current.get().versions().target()) {
            return Optional.empty();
        }
        Unit unit = current.get();
        UnitBuilder next = unit.toBuilder()
                .versions(new Unit.Versions(
                        unit.versions().source(), version, unit.versions().titles()));
        String oldText = unit.target() == null ? null : unit.target().text();
        if (change.removed() || change.text() == null) {
            if (unit.target() == null) {
                return Optional.empty();
            }
            return Optional.of(UnitChange.of(next.target(null).build(), "translation-removed", by)
                    .texts(oldText, null));
        }
        Unit.Target target =
                new Unit.Target(capped(change.text()), change.sourceHash(), change.translationUnitId(), by.actor());
        next.target(target);
        boolean landed = unit.id().equals(change.translationUnitId());
        if (!Objects.equals(change.sourceHash(), unit.source().hash())) {
            return Optional.of(
                    UnitChange.of(next.build(), landed ? "translation-landed-stale" : "manual-translation-stale", by)
                            .texts(oldText, target.text()));
        }
        next.work(Unit.Work.NONE).plan(unit.plan().withAssignee(null));
        return Optional.of(UnitChange.of(next.build(), landed ? "translation-landed" : "manual-translation", by)
                .texts(oldText, target.text()));
    }

    static Optional<UnitChange> onEntryDeleted(Optional<Unit> current, long version, CommandContext by) {
        if (current.isEmpty()
                || current.get().removed()
                || version <= current.get().versions().source()) {
            return Optional.empty();
        }
        Unit unit = current.get();
        return Optional.of(UnitChange.of(removed(unit, version), "entry-deleted", by));
    }

    private static Unit removed(Unit unit, long version) {
        return unit.toBuilder()
                .removed(true)
                .versions(new Unit.Versions(
                        version, unit.versions().target(), unit.versions().titles()))
                .build();
    }

    private static Unit keptCurrent(Unit unit, String oldHash, String newHash) {
        UnitBuilder next = unit.toBuilder();
        if (unit.target() != null && oldHash.equals(unit.target().fromHash())) {
            Unit.Target target = unit.target();
            next.target(new Unit.Target(target.text(), newHash, target.unitId(), target.author()));
        }
        if (unit.decision() != null && oldHash.equals(unit.decision().sourceHash())) {
            next.decision(unit.decision().forSource(newHash));
        }
        Unit.Work work = unit.work();
        if (oldHash.equals(work.draftFromHash())) {
            next.work(new Unit.Work(
                    work.stage(), work.draft(), newHash, work.translator(), work.reviewer(), work.comment()));
        }
        return next.build();
    }

    private static Unit.Source source(FieldValueChange change, LocaleTag locale) {
        String text = Texts.nfc(change.text());
        String hash = change.sourceHash() != null ? change.sourceHash() : Texts.sourceHash(text);
        TextSize size = TextMeasure.measure(text, locale);
        return new Unit.Source(
                locale.tag(),
                capped(text),
                hash,
                size.count(),
                size.unit().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * {@code text} cut to {@link Unit#MAX_TEXT} characters (never inside a surrogate pair): content may hold longer
     * values, but a unit stores at most this much of them, so its document stays far below MongoDB's limit. Hash and
     * size are those of the whole text.
     */
    static String capped(String text) {
        if (text == null || text.length() <= Unit.MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(Unit.MAX_TEXT - 1)) ? Unit.MAX_TEXT - 1 : Unit.MAX_TEXT;
        return text.substring(0, end);
    }
}
