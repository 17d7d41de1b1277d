package dev.hashi.content.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Access;
import dev.hashi.content.common.Locales;
import dev.hashi.content.common.Versions;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryView;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.identity.Identity;
import dev.hashi.service.web.ApiProblem;

@RestController
@RequestMapping("/api/content/entries/{id}")
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
    record ScheduleRequest(
            @NotBlank String locale,
            @NotBlank String action,
            @NotNull Instant at) {}

    @PostMapping("/locales/{locale}/{action}")
    ResponseEntity<EntryView> transition(
            @PathVariable String id,
            @PathVariable String locale,
            @PathVariable String action,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Identity caller) {
        Access.requireEditor(caller);
        WorkflowAction parsed = action(action);
        long expected = Versions.ifMatch(ifMatch);
        Entry after = publishing.apply(entries.require(id), expected, locale, parsed, caller.subject());
        return ResponseEntity.ok()
                .eTag(Versions.etag(after.version()))
                .body(EntryView.of(after, types.catalog(), locales.tags()));
    }

    @PostMapping("/schedules")
    ResponseEntity<ScheduledJob> schedule(
            @PathVariable String id, @Valid @RequestBody ScheduleRequest request, Identity caller) {
        Access.requireEditor(caller);
        WorkflowAction action = action(request.action());
        if (action != WorkflowAction.PUBLISH && action != WorkflowAction.UNPUBLISH) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "schedule.action-invalid",
                            "Only publish and unpublish can be scheduled.")
                    .with("value", request.action());
        }
        String locale = locales.require(request.locale());
        entries.require(id);
        ScheduledJob job = new ScheduledJob(
                "j-" + UUID.randomUUID(),
                id,
                locale,
                action.wireName(),
                request.at(),
                "pending",
                caller.subject(),
                null,
                null);
        schedules.add(job);
        return ResponseEntity.status(HttpStatus.CREATED).body(job);
    }

    @GetMapping("/schedules")
    List<ScheduledJob> schedules(@PathVariable String id, Identity caller) {
        Access.requireDraftReaderOrHide(caller, id);
        return schedules.ofEntry(id);
    }

    private static WorkflowAction action(String value) {
        return WorkflowAction.fromWire(value)
                .orElseThrow(() -> new ApiProblem(
                                HttpStatus.BAD_REQUEST,
                                "workflow.action-unknown",
                                "Actions are submit, publish, unpublish and archive.")
                        .with("value", value));
    }
}
