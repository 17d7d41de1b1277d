package dev.hashi.media.asset;

import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One locale's text as a client sends it.
 *
 * @param text   the text
 * @param origin the locale it was written in; defaults to the locale it is sent under
 */
@Schema(description = "One locale's text.")
public record LocalizedTextInput(
        @NotBlank @Schema(example = "福岡市における環境国際協力の取組み") String text,

        @Schema(description = "The locale it was written in; defaults to the locale it is sent under.", example = "ja")
        String origin) {}
