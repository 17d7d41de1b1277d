package dev.hashi.translation.assignment;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.translation.unit.UnitView;

@RestController
@Validated
@RequestMapping("/api/translations/units/{id}")
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    /** @param assignee subject of the translator */
    record AssignRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9@._:-]{1,128}")
            String assignee) {}

    /** @param dueAt due date, {@code null} for none; @param priority higher comes first in the queue */
    record ScheduleRequest(
            Instant dueAt, @Min(-100) @Max(100) int priority) {}

    @PostMapping("/take")
    UnitView take(@PathVariable String id, Identity caller) {
        return UnitView.of(assignments.take(caller, id));
    }

    @PostMapping("/assign")
    UnitView assign(@PathVariable String id, @Valid @RequestBody AssignRequest request, Identity caller) {
        return UnitView.of(assignments.assign(caller, id, request.assignee()));
    }

    @PostMapping("/unassign")
    UnitView unassign(@PathVariable String id, Identity caller) {
        return UnitView.of(assignments.unassign(caller, id));
    }

    @PutMapping("/schedule")
    UnitView schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest request, Identity caller) {
        return UnitView.of(assignments.schedule(caller, id, request.dueAt(), request.priority()));
    }
}
