package dev.hashi.media.asset;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Availability as a client sends it.
 *
 * @param state          {@code available}, {@code on_request} or {@code pending}
 * @param contactText    for {@code on_request} (required there): whom to ask, per locale
 * @param contactEntryId for {@code on_request}: the content entry with the contact details
 * @param expectedAt     for {@code pending}: the date it is expected (ISO-8601, {@code 2026-12-24})
 */
@Schema(description = "Whether and how the asset can be had.")
public record AvailabilityInput(
        @NotBlank
        @Schema(
                allowableValues = {"available", "on_request", "pending"},
                example = "on_request")
        String state,

        @Schema(description = "For on_request (required there): whom to ask, per locale.")
        Map<String, @Valid LocalizedTextInput> contactText,

        @Schema(description = "For on_request: the content entry with the contact details.", example = "e-secretariat")
        String contactEntryId,

        @Schema(description = "For pending: the date it is expected.", format = "date", example = "2026-12-24")
        String expectedAt) {}
