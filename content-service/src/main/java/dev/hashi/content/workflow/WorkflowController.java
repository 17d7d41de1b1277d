package dev.hashi.content.workflow;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryView;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.command.Versions;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "workflow")
@RequestMapping("/api/content/entries/{entryId}")
class WorkflowController {

    private final Entries entries;
    private final Publishing publishing;
    private final Schedules schedules;
    private final ContentTypes types;
    private final Locales locales;

    WorkflowController(
            Entries entries, Publishing publishing, Schedules schedules, ContentTypes types, Locales locales) {
        this.entries = entries;
        this.publishing = publishing;
        this.schedules = schedules;
        this.types = types;
        this.locales = locales;
    }

    /** A publish or unpublish to run at {@code at}. */
    @Schema(name = "ScheduleRequest")
    record ScheduleRequest(
            @NotBlank String locale,
            @NotBlank String action,
            @NotNull Instant at) {}

    @PostMapping("/locales/{locale}/{action}")
    @Operation(
            summary = "Submit, publish, unpublish or archive one locale (editor, admin); approve (publishes) or return"
                    + " (to draft) a locale in review (a reviewer holding a pair into the locale, editor, admin);"
                    + " If-Match required")
    ResponseEntity<EntryView> transition(
            @PathVariable String entryId,
            @PathVariable String locale,
            @PathVariable String action,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CommandContext context) {
        WorkflowAction parsed = action(action);
        if (parsed == WorkflowAction.APPROVE || parsed == WorkflowAction.RETURN) {
            Access.requireEditorOrReviewerFor(context.caller(), null, locales.require("locale", locale));
        } else {
            Access.requireEditor(context.caller());
        }
        long expected = Versions.ifMatch(ifMatch, Entries.RESOURCE);
        Entry after = publishing.apply(entries.require(entryId), expected, locale, parsed, context);
        return ResponseEntity.ok()
                .eTag(Versions.etag(after.version()))
                .body(EntryView.of(after, types.catalog(), locales.tags()));
    }

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a publish or unpublish of one locale (editor, admin)")
    ResponseEntity<ScheduleView> schedule(
            @PathVariable String entryId, @Valid @RequestBody ScheduleRequest request, CommandContext context) {
        Access.requireEditor(context.caller());
        WorkflowAction action = action(request.action());
        if (action != WorkflowAction.PUBLISH && action != WorkflowAction.UNPUBLISH) {
            throw InvalidInputException.field(
                    "action",
                    "schedule.action-invalid",
                    "Only publish and unpublish can be scheduled.",
                    request.action());
        }
        String locale = locales.require("locale", request.locale());
        entries.require(entryId);
        ScheduledJob job = new ScheduledJob(
                "j-" + UUID.randomUUID(),
                entryId,
                locale,
                action.wireName(),
                request.at(),
                ScheduledJob.PENDING,
                context.actor(),
                null,
                null,
                context.traceId());
        schedules.add(job);
        return ResponseEntity.created(URI.create("/api/content/entries/" + entryId + "/schedules"))
                .body(ScheduleView.of(job));
    }

    @GetMapping("/schedules")
    @Operation(summary = "The entry's scheduled actions, due first (staff); total included")
    Page<ScheduleView> schedules(@PathVariable String entryId, PageRequest page, CommandContext context) {
        entries.requireVisibleTo(context.caller(), entryId);
        List<ScheduledJob> fetched = schedules.ofEntry(entryId, page.offset(), page.fetchSize());
        return Page.offset(fetched, page, schedules.countOfEntry(entryId)).map(ScheduleView::of);
    }

    @PatchMapping("/schedules/{scheduleId}")
    @Operation(summary = "Move a pending scheduled action to another time (editor, admin)")
    ScheduleView move(
            @PathVariable String entryId,
            @PathVariable String scheduleId,
            @Valid @RequestBody MoveRequest request,
            CommandContext context) {
        Access.requireEditor(context.caller());
        return ScheduleView.of(schedules.move(entryId, scheduleId, request.at(), context));
    }

    @DeleteMapping("/schedules/{scheduleId}")
    @Operation(summary = "Cancel a pending scheduled action (editor, admin); it stays listed as cancelled")
    ScheduleView cancel(@PathVariable String entryId, @PathVariable String scheduleId, CommandContext context) {
        Access.requireEditor(context.caller());
        return ScheduleView.of(schedules.cancel(entryId, scheduleId, context));
    }

    /** The new time of a scheduled action. */
    @Schema(name = "ScheduleMoveRequest")
    record MoveRequest(@NotNull Instant at) {}

    private static WorkflowAction action(String value) {
        return WorkflowAction.fromWire(value)
                .orElseThrow(() -> InvalidInputException.field(
                        "action",
                        "workflow.action-unknown",
                        "Actions are submit, publish, unpublish, archive, approve and return.",
                        value));
    }
}
