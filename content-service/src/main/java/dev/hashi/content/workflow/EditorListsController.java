package dev.hashi.content.workflow;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The editors' lists across entries: every scheduled action (their calendar) and what waits to be published. */
@RestController
@Tag(name = "workflow")
class EditorListsController {

    private static final List<String> STATUSES = List.of(
            ScheduledJob.PENDING, ScheduledJob.RUNNING, ScheduledJob.DONE, ScheduledJob.FAILED, ScheduledJob.CANCELLED);

    private final Schedules schedules;
    private final ReadyToPublish ready;
    private final Locales locales;

    EditorListsController(Schedules schedules, ReadyToPublish ready, Locales locales) {
        this.schedules = schedules;
        this.ready = ready;
        this.locales = locales;
    }

    @GetMapping("/api/content/ready-to-publish")
    @Operation(
            summary = "Entries whose published locale changed since it was published (editor, admin), each with the"
                    + " values that differ and where they came from (an editor or a landed translation); entry id"
                    + " order, no total")
    Page<ReadyToPublish.Item> readyToPublish(@RequestParam String locale, PageRequest page, CommandContext context) {
        Access.requireEditor(context.caller());
        String tag = locales.require("locale", locale);
        ReadyToPublish.Scan scan = ready.scan(tag, page.afterId(), page.limit());
        return new Page<>(
                scan.items(), scan.more() ? Cursor.after(scan.lastScanned()).encode() : null, null);
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
