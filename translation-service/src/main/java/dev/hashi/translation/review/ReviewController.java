package dev.hashi.translation.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.translation.unit.UnitView;

@RestController
@RequestMapping("/api/translations/units/{id}")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * @param text       the translation
     * @param sourceHash the source hash the translator loaded with the unit
     */
    record SubmitRequest(
            @NotBlank @Size(max = 100_000) String text,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String sourceHash) {}

    record ReviewRequest(@Size(max = 4000) String comment) {}

    record RejectRequest(@NotBlank @Size(max = 4000) String comment) {}

    @PostMapping("/submit")
    UnitView submit(@PathVariable String id, @Valid @RequestBody SubmitRequest request, Identity caller) {
        return UnitView.of(
                reviews.submit(caller, id, request.text(), request.sourceHash()).unit());
    }

    @PostMapping("/approve")
    UnitView approve(
            @PathVariable String id, @Valid @RequestBody(required = false) ReviewRequest request, Identity caller) {
        return UnitView.of(reviews.approve(caller, id, request == null ? null : request.comment()));
    }

    @PostMapping("/reject")
    UnitView reject(@PathVariable String id, @Valid @RequestBody RejectRequest request, Identity caller) {
        return UnitView.of(reviews.reject(caller, id, request.comment()));
    }
}
