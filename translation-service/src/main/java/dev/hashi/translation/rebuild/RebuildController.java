package dev.hashi.translation.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.service.web.ApiProblem;
import dev.hashi.translation.access.Access;

@RestController
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Recomputes all units from the content topic ({@code from=topic}) or content's snapshot ({@code snapshot}). */
    @PostMapping("/api/translations/admin/rebuild")
    Rebuild.Report rebuild(@RequestParam(defaultValue = "topic") String from, Identity caller) {
        Access.requireAdmin(caller);
        return switch (from) {
            case "topic" -> rebuild.fromTopic();
            case "snapshot" -> {
                try {
                    yield rebuild.fromSnapshot();
                } catch (IllegalStateException unreachable) {
                    throw new ApiProblem(
                            HttpStatus.BAD_GATEWAY, "rebuild.snapshot-unavailable", unreachable.getMessage());
                }
            }
            default ->
                throw new ApiProblem(
                                HttpStatus.BAD_REQUEST, "rebuild.invalid-source", "Rebuild from topic or snapshot.")
                        .with("value", from);
        };
    }
}
