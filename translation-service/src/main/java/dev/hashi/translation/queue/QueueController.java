package dev.hashi.translation.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.web.ApiProblem;
import dev.hashi.translation.access.Access;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.UnitView;
import dev.hashi.translation.web.LocaleParams;

@RestController
@RequestMapping("/api/translations")
class QueueController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final Set<UnitState> OWN_WORK =
            EnumSet.of(UnitState.IN_PROGRESS, UnitState.REJECTED, UnitState.TRANSLATED, UnitState.OUTDATED);

    private final TranslationQueue queue;
    private final SupportedLocales locales;

    QueueController(TranslationQueue queue, SupportedLocales locales) {
        this.queue = queue;
        this.locales = locales;
    }

    /** A page of the queue; the items are units with their source, target, titles and size. */
    record QueuePage(List<UnitView> items, int page, int size, boolean hasMore) {
        static QueuePage of(TranslationQueue.Page page) {
            return new QueuePage(
                    page.units().stream().map(UnitView::of).toList(), page.page(), page.size(), page.hasMore());
        }
    }

    @GetMapping("/queue")
    QueuePage queue(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String entry,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(defaultValue = "priority") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Identity caller) {
        Access.requireStaff(caller);
        QueueFilter filter = new QueueFilter(
                LocaleParams.optional(locales, "target", target),
                LocaleParams.optional(locales, "source", source),
                states(state),
                blankToNull(type),
                blankToNull(entry),
                blankToNull(assignee),
                instant(dueBefore));
        return QueuePage.of(queue.find(filter, order(sort), checkedPage(page), checkedSize(size)));
    }

    /** The caller's own units that still need their work. */
    @GetMapping("/mine")
    QueuePage mine(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Identity caller) {
        Access.requireStaff(caller);
        QueueFilter filter = new QueueFilter(null, null, OWN_WORK, null, null, caller.subject(), null);
        return QueuePage.of(queue.find(filter, TranslationQueue.Order.DUE, checkedPage(page), checkedSize(size)));
    }

    private static Set<UnitState> states(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<UnitState> states = EnumSet.noneOf(UnitState.class);
        for (String name : value.split(",")) {
            states.add(UnitState.fromWire(name.trim())
                    .orElseThrow(() -> new ApiProblem(
                                    HttpStatus.BAD_REQUEST, "queue.invalid-state", "Unknown state: " + name.trim())
                            .with("value", name.trim())));
        }
        return states;
    }

    private static TranslationQueue.Order order(String value) {
        try {
            return TranslationQueue.Order.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "queue.invalid-sort", "Sort by priority, due or page.")
                    .with("value", value);
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "queue.invalid-date",
                            "dueBefore is an ISO date (2003-10-28) or instant (2003-10-28T09:00:00Z).")
                    .with("value", value);
        }
    }

    private static int checkedPage(int page) {
        if (page < 0 || page > 100_000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "queue.invalid-page", "page is 0 or more.")
                    .with("value", page);
        }
        return page;
    }

    private static int checkedSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "queue.invalid-size",
                            "size is between 1 and " + MAX_PAGE_SIZE + ".")
                    .with("value", size);
        }
        return size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
