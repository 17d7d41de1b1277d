package dev.hashi.media.asset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.command.CommandContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Downloads. Ranges ({@code Range}, one or several, {@code 416}) are the framework's: a {@link Resource} body whose
 * length is known is answered by Spring MVC's resource-region support, reading only the ranges asked for.
 * {@code If-Range} is checked here: when it does not name the current bytes the whole body is sent (as a plain
 * stream, which the framework never cuts into ranges).
 */
@RestController
@Tag(name = "Content", description = "Downloading an asset's binary in the caller's locale, whole or by range.")
class ContentController {

    /** No script, no plugin, no frame, no form may run from a served binary. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private final AssetContent content;

    ContentController(AssetContent content) {
        this.content = content;
    }

    @GetMapping(AssetController.PATH + "/{id}/content")
    @Operation(
            summary = "Download an asset's binary in the caller's locale (?locale=, else Accept-Language, else the"
                    + " default, then the fallback chain, then any variant); Range, If-Range, HEAD. Staff, or anyone"
                    + " once published content references the asset.")
    @ApiResponse(
            responseCode = "200",
            description = "The bytes; ETag is their SHA-256, Content-Language the variant's locale.",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "206",
            description = "The ranges asked for (several as multipart/byteranges).",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "416", description = "No range asked for lies within the bytes.")
    ResponseEntity<Resource> download(
            @PathVariable String id,
            @Parameter(description = "The locale wanted; wins over Accept-Language.") @RequestParam(required = false)
                    String locale,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) String ifRange,
            HttpMethod method,
            CommandContext command)
            throws IOException {
        AssetContent.Download download = content.download(id, locale, acceptLanguage, command);
        Variant variant = download.variant();
        HttpHeaders headers = headers(variant);
        if (HttpMethod.HEAD.equals(method)) {
            return ResponseEntity.ok()
                    .headers(headers)
                    .contentLength(variant.sizeBytes())
                    .build();
        }
        if (ifRange != null && !sameBytes(ifRange, variant)) {
            return ResponseEntity.ok()
                    .headers(headers)
                    .contentLength(variant.sizeBytes())
                    .body(new InputStreamResource(download.body().getInputStream()));
        }
        return ResponseEntity.ok().headers(headers).body(download.body());
    }

    private static HttpHeaders headers(Variant variant) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(variant.contentType()));
        headers.set(HttpHeaders.CONTENT_LANGUAGE, variant.locale());
        headers.setVary(java.util.List.of(HttpHeaders.ACCEPT_LANGUAGE));
        headers.setETag(etag(variant));
        headers.setLastModified(variant.storedAt());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(variant.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return headers;
    }

    private static String etag(Variant variant) {
        return "\"" + variant.sha256() + "\"";
    }

    /** Whether {@code ifRange} (an entity tag, compared strongly, or a date) names the variant's current bytes. */
    private static boolean sameBytes(String ifRange, Variant variant) {
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag(variant));
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return date.equals(
                    variant.storedAt().atOffset(ZoneOffset.UTC).withNano(0).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static MediaType mediaType(String type) {
        try {
            return type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
