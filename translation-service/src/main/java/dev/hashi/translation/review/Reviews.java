package dev.hashi.translation.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.hashi.events.EventPayload;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.events.translation.TranslationSubmitted;
import dev.hashi.identity.Identity;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.TextDiff;
import dev.hashi.locale.Texts;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.RuleViolationException;
import dev.hashi.translation.TranslationSettings;
import dev.hashi.translation.glossary.Terminology;
import dev.hashi.translation.unit.HistoryEntry;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

/** Submitting translations, and approving or rejecting them. */
@Service
public class Reviews {

    private static final Set<UnitState> SUBMITTABLE = Set.of(
            UnitState.UNTRANSLATED,
            UnitState.OUTDATED,
            UnitState.IN_PROGRESS,
            UnitState.REJECTED,
            UnitState.TRANSLATED);

    private final Units units;
    private final Terminology terminology;
    private final boolean publishSubmitted;

    Reviews(Units units, Terminology terminology, TranslationSettings settings) {
        this.units = units;
        this.terminology = terminology;
        this.publishSubmitted = settings.publishSubmitted();
    }

    /**
     * What a submission did: {@code submitted}, or {@code unchanged} when the same text was already submitted; and
     * the glossary's warnings on it.
     */
    public record Submission(Unit unit, boolean changed, List<Terminology.Warning> warnings) {}

    /**
     * What a submission of {@code text} would meet, without submitting: the checks that would refuse it
     * ({@code failures}) and the glossary's findings ({@code warnings}; they refuse too when the glossary is
     * enforced). Nothing is written.
     */
    public record Check(List<SubmitChecks.Failure> failures, List<Terminology.Warning> warnings, boolean enforced) {

        /** Whether a submission of the text would be accepted. */
        public boolean passes() {
            return failures.isEmpty() && (warnings.isEmpty() || !enforced);
        }
    }

    /** Runs the submission's checks on {@code text} for a unit (translators of the pair); writes nothing. */
    public Check check(CommandContext context, String unitId, String text) {
        Identity caller = context.caller();
        Access.requireStaff(caller);
        Unit found = live(units.find(unitId), unitId);
        Access.requireTranslatorFor(caller, found.source().locale(), found.targetLocale());
        String translation = Texts.nfc(text);
        return new Check(
                SubmitChecks.check(found.source().text(), translation, LocaleTag.parse(found.targetLocale())),
                terminology.check(found, translation),
                terminology.enforced());
    }

    /**
     * Submits {@code text} for a unit, translated from the source whose hash the translator loaded.
     *
     * @throws dev.hashi.service.error.ConflictException {@code unit.source-changed} naming the current hash when
     *     {@code loadedHash} is stale, {@code unit.assigned} when someone else holds the unit
     * @throws RuleViolationException {@code translation.checks-failed} when placeholders, links, tags or plurals
     *     break, one field error ({@code text}) per failed check
     */
    public Submission submit(CommandContext context, String unitId, String text, String loadedHash) {
        Identity caller = context.caller();
        Access.requireStaff(caller);
        Unit found = live(units.find(unitId), unitId);
        Access.requireTranslatorFor(caller, found.source().locale(), found.targetLocale());
        String translation = Texts.nfc(text);
        if (!Objects.equals(loadedHash, found.source().hash())) {
            throw UnitProblems.sourceChanged(found, loadedHash);
        }
        requireChecksPass(found, translation);
        List<Terminology.Warning> warnings = terminology.check(found, translation);
        if (!warnings.isEmpty() && terminology.enforced()) {
            throw new RuleViolationException(
                            "translation.checks-failed",
                            "The translation does not follow the glossary.",
                            warnings.stream()
                                    .map(w -> FieldError.of("text", w.code(), w.message()))
                                    .toList())
                    .with("unitId", unitId);
        }
        boolean[] changed = {false};
        Unit after = units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = live(current, unitId);
                    if (!Objects.equals(loadedHash, unit.source().hash())) {
                        throw UnitProblems.sourceChanged(unit, loadedHash);
                    }
                    Unit.Work work = unit.work();
                    boolean sameDraft = translation.equals(work.draft())
                            && unit.source().hash().equals(work.draftFromHash());
                    if (sameDraft && (unit.state() == UnitState.TRANSLATED || unit.state() == UnitState.APPROVED)) {
                        return Optional.empty();
                    }
                    if (!SUBMITTABLE.contains(unit.state())) {
                        throw UnitProblems.invalidTransition(unit, "submitted");
                    }
                    String assignee = unit.plan().assignee();
                    if (assignee != null && !assignee.equals(caller.subject()) && !Access.isEditor(caller)) {
                        throw UnitProblems.assignedToOther(unit);
                    }
                    Unit next = unit.toBuilder()
                            .work(new Unit.Work(
                                    Unit.Work.Stage.TRANSLATED,
                                    translation,
                                    unit.source().hash(),
                                    caller.subject(),
                                    null,
                                    null))
                            .plan(unit.plan().withAssignee(caller.subject()))
                            .build();
                    List<EventPayload> events = publishSubmitted
                            ? List.of(new TranslationSubmitted(
                                    unit.id(),
                                    unit.entryId(),
                                    unit.path(),
                                    unit.source().locale(),
                                    unit.targetLocale(),
                                    unit.source().hash(),
                                    translation,
                                    caller.subject()))
                            : List.of();
                    changed[0] = true;
                    String previous = work.draft() != null
                            ? work.draft()
                            : unit.target() == null ? null : unit.target().text();
                    return Optional.of(UnitChange.of(next, "submitted", context)
                            .texts(previous, translation)
                            .publishing(events));
                })
                .orElseThrow();
        return new Submission(after, changed[0], warnings);
    }

    /**
     * A reviewer of the unit's locale pair approves a submitted translation, optionally corrected: the approved text
     * ({@code corrected}, else the submission) is published as {@code translation.approved}. A correction is the
     * reviewer's edit: its history line ({@code approved-with-edit}) keeps the submission, the correction and their
     * diff.
     *
     * @param corrected the reviewer's corrected text, {@code null} to approve the submission as it is
     * @throws RuleViolationException {@code translation.checks-failed} when the correction breaks the checks,
     *     {@code review.own-translation} when the reviewer translated it
     */
    public Unit approve(CommandContext context, String unitId, String comment, String corrected) {
        Identity caller = context.caller();
        requirePairReviewer(caller, unitId);
        String correction = corrected == null ? null : Texts.nfc(corrected);
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = reviewable(current, unitId, caller, "approved");
                    Unit.Work submitted = unit.work();
                    boolean edited = correction != null && !correction.equals(submitted.draft());
                    if (edited) {
                        requireChecksPass(unit, correction);
                    }
                    Unit.Work work = edited
                            ? new Unit.Work(
                                    submitted.stage(),
                                    correction,
                                    submitted.draftFromHash(),
                                    submitted.translator(),
                                    submitted.reviewer(),
                                    submitted.comment())
                            : submitted;
                    Unit next = unit.toBuilder()
                            .work(reviewed(work, Unit.Work.Stage.APPROVED, caller, comment))
                            .build();
                    TranslationApproved approved = new TranslationApproved(
                            unit.id(),
                            unit.entryId(),
                            unit.path(),
                            unit.source().locale(),
                            unit.targetLocale(),
                            work.draftFromHash(),
                            work.draft(),
                            work.translator(),
                            caller.subject());
                    if (edited) {
                        return Optional.of(UnitChange.of(next, "approved-with-edit", context)
                                .texts(submitted.draft(), correction)
                                .diff(TextDiff.between(submitted.draft(), correction).stream()
                                        .map(edit -> new HistoryEntry.Edit(edit.op(), edit.text()))
                                        .toList())
                                .comment(comment)
                                .publishing(List.of(approved)));
                    }
                    return Optional.of(UnitChange.of(next, "approved", context)
                            .texts(null, work.draft())
                            .comment(comment)
                            .publishing(List.of(approved)));
                })
                .orElseThrow();
    }

    /** A reviewer rejects a submitted translation with a comment; it goes back to its translator. */
    public Unit reject(CommandContext context, String unitId, String comment) {
        Identity caller = context.caller();
        requirePairReviewer(caller, unitId);
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = reviewable(current, unitId, caller, "rejected");
                    Unit.Work work = unit.work();
                    Unit next = unit.toBuilder()
                            .work(reviewed(work, Unit.Work.Stage.REJECTED, caller, comment))
                            .build();
                    return Optional.of(UnitChange.of(next, "rejected", context)
                            .texts(work.draft(), null)
                            .comment(comment));
                })
                .orElseThrow();
    }

    /** A reviewer whose locale pairs cover the unit's direction (checked again on every review action). */
    private void requirePairReviewer(Identity caller, String unitId) {
        Access.requireReviewer(caller);
        Unit unit = live(units.find(unitId), unitId);
        Access.requireReviewerFor(caller, unit.source().locale(), unit.targetLocale());
    }

    private static void requireChecksPass(Unit unit, String translation) {
        List<SubmitChecks.Failure> failures =
                SubmitChecks.check(unit.source().text(), translation, LocaleTag.parse(unit.targetLocale()));
        if (!failures.isEmpty()) {
            throw new RuleViolationException(
                            "translation.checks-failed",
                            "The translation does not keep what the source needs.",
                            failures.stream()
                                    .map(f -> FieldError.of("text", f.code(), f.detail()))
                                    .toList())
                    .with("unitId", unit.id());
        }
    }

    private static Unit reviewable(Optional<Unit> current, String unitId, Identity caller, String action) {
        Unit unit = live(current, unitId);
        if (unit.state() != UnitState.TRANSLATED) {
            throw UnitProblems.invalidTransition(unit, action);
        }
        if (caller.subject().equals(unit.work().translator())) {
            throw new RuleViolationException(
                            "review.own-translation", "A translation is reviewed by someone other than its translator.")
                    .with("unitId", unitId);
        }
        return unit;
    }

    private static Unit.Work reviewed(Unit.Work work, Unit.Work.Stage stage, Identity reviewer, String comment) {
        return new Unit.Work(stage, work.draft(), work.draftFromHash(), work.translator(), reviewer.subject(), comment);
    }

    private static Unit live(Optional<Unit> unit, String unitId) {
        return UnitProblems.live(unit, unitId);
    }
}
