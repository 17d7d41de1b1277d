package dev.hashi.translation.assignment;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;
import dev.hashi.translation.unit.UnitView;

import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@Validated
@RequestMapping("/api/translations/units/{unitId}")
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    /** @param assignee subject of the translator */
    record AssignRequest(
            @Schema(example = "tr-sato") @NotNull @Pattern(regexp = "[A-Za-z0-9@._:-]{1,128}")
            String assignee) {}

    /** @param dueAt due date, {@code null} for none; @param priority higher comes first in the queue */
    record ScheduleRequest(
            @Schema(example = "2003-10-20T00:00:00Z") Instant dueAt,
            @Schema(example = "5") @Min(-100) @Max(100) int priority) {}

    @PostMapping("/take")
    ResponseEntity<UnitView> take(@PathVariable String unitId, CommandContext context) {
        return versioned(UnitView.of(assignments.take(context, unitId)));
    }

    @PostMapping("/assign")
    ResponseEntity<UnitView> assign(
            @PathVariable String unitId, @Valid @RequestBody AssignRequest request, CommandContext context) {
        return versioned(UnitView.of(assignments.assign(context, unitId, request.assignee())));
    }

    @PostMapping("/unassign")
    ResponseEntity<UnitView> unassign(@PathVariable String unitId, CommandContext context) {
        return versioned(UnitView.of(assignments.unassign(context, unitId)));
    }

    @PutMapping("/schedule")
    ResponseEntity<UnitView> schedule(
            @PathVariable String unitId, @Valid @RequestBody ScheduleRequest request, CommandContext context) {
        return versioned(UnitView.of(assignments.schedule(context, unitId, request.dueAt(), request.priority())));
    }

    /** The unit with its version as {@code ETag}. */
    private static ResponseEntity<UnitView> versioned(UnitView unit) {
        return ResponseEntity.ok().eTag(String.valueOf(unit.version())).body(unit);
    }
}
