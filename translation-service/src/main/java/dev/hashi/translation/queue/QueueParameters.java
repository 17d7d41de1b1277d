package dev.hashi.translation.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.hashi.locale.LocaleTag;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.translation.unit.UnitFilter;
import dev.hashi.translation.unit.UnitOrder;
import dev.hashi.translation.unit.UnitState;

/**
 * The queue's query parameters, checked together: every invalid one is a field error of one {@code request.invalid}
 * (field = the parameter; codes {@code locale.invalid}, {@code locale.unsupported}, {@code queue.invalid-state},
 * {@code queue.invalid-sort}, {@code queue.invalid-question}, {@code format}).
 */
final class QueueParameters {

    private final LocaleInput locales;
    private final List<FieldError> errors = new ArrayList<>();

    QueueParameters(LocaleInput locales) {
        this.locales = locales;
    }

    /** The filter the parameters name. */
    UnitFilter filter(
            String target,
            String source,
            String state,
            String type,
            String entryId,
            String assignee,
            String dueBefore,
            String question) {
        return new UnitFilter(
                checked(() -> locales.optional("target", target)),
                checked(() -> locales.optional("source", source)),
                states(state),
                blankToNull(type),
                blankToNull(entryId),
                blankToNull(assignee),
                instant(dueBefore),
                question(question));
    }

    private Boolean question(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "open" -> true;
            case "none" -> false;
            default -> {
                errors.add(new FieldError("question", "queue.invalid-question", "question is open or none.", value));
                yield null;
            }
        };
    }

    UnitOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return UnitOrder.PRIORITY;
        }
        return UnitOrder.fromWire(sort.trim()).orElseGet(() -> {
            errors.add(new FieldError("sort", "queue.invalid-sort", "Sort by priority, due or page.", sort));
            return UnitOrder.PRIORITY;
        });
    }

    /**
     * @throws InvalidInputException naming every invalid parameter
     */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private LocaleTag checked(Supplier<LocaleTag> tag) {
        try {
            return tag.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private Set<UnitState> states(String value) {
        Set<UnitState> states = EnumSet.noneOf(UnitState.class);
        if (value == null || value.isBlank()) {
            return states;
        }
        for (String name : value.split(",")) {
            UnitState.fromWire(name.trim())
                    .ifPresentOrElse(
                            states::add,
                            () -> errors.add(new FieldError(
                                    "state",
                                    "queue.invalid-state",
                                    "Unknown state " + name.trim()
                                            + "; states are untranslated, in_progress, translated,"
                                            + " approved, rejected, outdated and source_only.",
                                    name.trim())));
        }
        return states;
    }

    private Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    "dueBefore",
                    ProblemCodes.FIELD_FORMAT,
                    "dueBefore is an ISO date (2003-10-28) or instant (2003-10-28T09:00:00Z).",
                    value));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
