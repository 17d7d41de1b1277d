package dev.hashi.content.workflow;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Every entry's scheduled actions in one list, for the editors' calendar. */
@RestController
@Tag(name = "workflow")
class ScheduleListController {

    private static final List<String> STATUSES = List.of(
            ScheduledJob.PENDING, ScheduledJob.RUNNING, ScheduledJob.DONE, ScheduledJob.FAILED, ScheduledJob.CANCELLED);

    private final Schedules schedules;
    private final Locales locales;

    ScheduleListController(Schedules schedules, Locales locales) {
        this.schedules = schedules;
        this.locales = locales;
    }

    @GetMapping("/api/content/schedules")
    @Operation(
            summary = "Scheduled actions of every entry, due first (staff); filter by status and locale; total"
                    + " included")
    Page<ScheduleView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String locale,
            PageRequest page,
            CommandContext context) {
        Access.requireStaff(context.caller());
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.field(
                    "status", "schedule.status-unknown", "Statuses are " + String.join(", ", STATUSES) + ".", status);
        }
        String tag = locale == null ? null : locales.require("locale", locale);
        List<ScheduledJob> fetched = schedules.list(status, tag, page.offset(), page.fetchSize());
        return Page.offset(fetched, page, schedules.count(status, tag)).map(ScheduleView::of);
    }
}
