package dev.hashi.content.entry;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** Write requests for entries. */
final class EntryRequests {

    private EntryRequests() {}

    /**
     * A new entry.
     *
     * @param locale the locale the localized values are written in; it becomes their source locale
     * @param slug   the slug for {@code locale}; generated from the title when {@code null}
     * @param fields values by field key; component lists as arrays of objects
     */
    @Schema(name = "EntryCreate")
    public record Create(
            @NotBlank @Size(max = 40) String type,
            @NotBlank @Size(max = 64) String locale,
            @Size(max = 200) String slug,
            @NotNull Map<String, JsonNode> fields) {}

    /**
     * Changes to an entry in one locale: fields left out stay, {@code null} removes a value.
     *
     * @param minor        the editor marks source edits as minor (translations stay current)
     * @param replaceLists a list given as an array may leave out existing items, which are then removed in every
     *                     locale; without it such a write is refused ({@code edit.items-dropped})
     */
    @Schema(name = "EntryPatch")
    public record Patch(
            @NotBlank @Size(max = 64) String locale,
            @Size(max = 200) String slug,
            Map<String, JsonNode> fields,
            boolean minor,
            boolean replaceLists) {}
}
