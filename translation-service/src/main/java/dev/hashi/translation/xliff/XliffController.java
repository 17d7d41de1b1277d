package dev.hashi.translation.xliff;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.translation.unit.UnitFilter;
import dev.hashi.translation.unit.UnitState;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@RequestMapping("/api/translations/xliff")
class XliffController {

    static final String XLIFF_TYPE = "application/xliff+xml";
    static final MediaType XLIFF = MediaType.parseMediaType(XLIFF_TYPE);

    private final XliffExchange exchange;
    private final LocaleInput locales;
    private final XliffSettings settings;

    XliffController(XliffExchange exchange, LocaleInput locales, XliffSettings settings) {
        this.exchange = exchange;
        this.locales = locales;
        this.settings = settings;
    }

    @Operation(
            summary = "Export open units of one locale pair as XLIFF 2.0",
            description = "Untranslated, outdated, in progress and rejected units, in page order, up to max-units.")
    @ApiResponse(
            responseCode = "200",
            description = "An XLIFF 2.0 document",
            content = @Content(mediaType = XLIFF_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(example = "ja") @RequestParam String source,
            @Parameter(example = "en") @RequestParam String target,
            @RequestParam(required = false) String entryId,
            @Parameter(description = "content type key") @RequestParam(required = false) String type,
            @RequestParam(required = false) String assignee,
            CommandContext context) {
        UnitFilter filter = new UnitFilter(
                locales.require("target", target),
                locales.require("source", source),
                EnumSet.of(UnitState.UNTRANSLATED, UnitState.OUTDATED, UnitState.IN_PROGRESS, UnitState.REJECTED),
                type,
                entryId,
                assignee,
                null);
        XliffExchange.Export export = exchange.export(context, filter);
        return ResponseEntity.ok()
                .contentType(XLIFF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"translations-" + filter.source().tag() + "-"
                                + filter.target().tag() + ".xlf\"")
                .body(export::writeTo);
    }

    @Operation(
            summary = "Import a translated XLIFF 2.0 file",
            description = "Each unit is submitted as the caller; the report lists every unit as applied, unchanged"
                    + " or rejected with a code.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = XLIFF_TYPE, schema = @Schema(type = "string"))))
    @PostMapping(consumes = {XLIFF_TYPE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    XliffExchange.ImportReport importFile(HttpServletRequest request, CommandContext context) throws IOException {
        long limit = settings.maxBytes().toBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        return exchange.importFile(context, body);
    }
}
