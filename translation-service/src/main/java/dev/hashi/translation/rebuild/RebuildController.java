package dev.hashi.translation.rebuild;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            summary = "Recompute all units from content alone (admins)",
            description = "From the content topic (from=topic) or content's snapshot (from=snapshot); 503"
                    + " rebuild.snapshot-unavailable when content-service cannot serve the snapshot.")
    @ApiResponse(
            responseCode = "200",
            description = "What the rebuild did",
            content = @Content(schema = @Schema(implementation = Rebuild.Report.class)))
    @ApiResponse(
            responseCode = "409",
            description = "rebuild.running (another rebuild holds the lease), rebuild.history-incomplete (the topic"
                    + " no longer starts at offset 0)")
    @ApiResponse(responseCode = "503", description = "rebuild.snapshot-unavailable")
    @PostMapping("/api/translations/admin/rebuild")
    Rebuild.Report rebuild(
            @Parameter(description = "topic or snapshot", example = "topic") @RequestParam(defaultValue = "topic")
                    String from,
            CommandContext context) {
        return switch (from) {
            case "topic" -> rebuild.fromTopic(context);
            case "snapshot" -> rebuild.fromSnapshot(context);
            default ->
                throw InvalidInputException.field(
                        "from", "rebuild.invalid-source", "Rebuild from topic or snapshot.", from);
        };
    }
}
