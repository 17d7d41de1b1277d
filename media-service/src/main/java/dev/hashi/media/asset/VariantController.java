package dev.hashi.media.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import dev.hashi.media.binary.UploadTooLargeException;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.web.BodySizeLimitFilter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = AssetController.PATH + "/{id}/variants/{locale}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Variants", description = "Assets' binaries, one per locale: streamed uploads, stored once per SHA-256.")
class VariantController {

    private final AssetContent content;

    VariantController(AssetContent content) {
        this.content = content;
    }

    @PutMapping(consumes = MediaType.ALL_VALUE)
    @Operation(
            summary = "Store a locale's binary from the raw body (editor, admin), streamed; replaces the one there.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The bytes; Content-Type declares their type.",
                            content =
                                    @Content(
                                            mediaType = "application/octet-stream",
                                            schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "The asset with the variant; ETag is its new version.")
    ResponseEntity<AssetView> put(
            @PathVariable String id,
            @PathVariable String locale,
            @Parameter(description = "The original file name, when Content-Disposition does not give one.")
                    @RequestParam(required = false)
                    String fileName,
            @Parameter(description = "The ETag of the asset the upload is based on; optional.")
                    @RequestHeader(value = IfMatch.HEADER, required = false)
                    String ifMatch,
            HttpServletRequest request,
            CommandContext command)
            throws IOException {
        String name = fileName != null ? fileName : fileNameOf(request.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        try (InputStream body = request.getInputStream()) {
            Asset asset = stored(() -> content.storeVariant(
                    id,
                    locale,
                    ifMatch,
                    body,
                    request.getContentType(),
                    name,
                    request.getContentLengthLong(),
                    command));
            return ResponseEntity.ok().eTag(IfMatch.etag(asset.version())).body(AssetView.of(asset));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Store a locale's binary from a multipart form's file part (editor, admin); the container"
                    + " spools the part to disk, the service streams it on.")
    @ApiResponse(responseCode = "200", description = "The asset with the variant; ETag is its new version.")
    ResponseEntity<AssetView> upload(
            @PathVariable String id,
            @PathVariable String locale,
            @Parameter(description = "The file.") @RequestPart("file") MultipartFile file,
            @Parameter(description = "The original file name, when the part does not give one.")
                    @RequestParam(required = false)
                    String fileName,
            @Parameter(description = "The ETag of the asset the upload is based on; optional.")
                    @RequestHeader(value = IfMatch.HEADER, required = false)
                    String ifMatch,
            CommandContext command)
            throws IOException {
        String name = fileName != null ? fileName : file.getOriginalFilename();
        try (InputStream body = file.getInputStream()) {
            Asset asset = stored(() -> content.storeVariant(
                    id, locale, ifMatch, body, file.getContentType(), name, file.getSize(), command));
            return ResponseEntity.ok().eTag(IfMatch.etag(asset.version())).body(AssetView.of(asset));
        }
    }

    @DeleteMapping
    @Operation(summary = "Remove a locale's binary (editor, admin); bytes another variant uses stay.")
    @ApiResponse(responseCode = "200", description = "The asset without the variant; ETag is its new version.")
    ResponseEntity<AssetView> delete(
            @PathVariable String id,
            @PathVariable String locale,
            @Parameter(description = "The ETag of the asset you read.", required = true)
                    @RequestHeader(value = IfMatch.HEADER, required = false)
                    String ifMatch,
            CommandContext command) {
        Asset asset = content.removeVariant(id, locale, ifMatch, command);
        return ResponseEntity.ok().eTag(IfMatch.etag(asset.version())).body(AssetView.of(asset));
    }

    /** Runs an upload, answering a body over a limit (the service's or the body filter's) as 413. */
    private Asset stored(java.util.function.Supplier<Asset> upload) {
        try {
            return upload.get();
        } catch (UploadTooLargeException e) {
            throw new MaxUploadSizeExceededException(e.limit(), e);
        } catch (UncheckedIOException e) {
            if (BodySizeLimitFilter.hasTooLargeCause(e)) {
                throw new MaxUploadSizeExceededException(content.maxUploadBytes(), e);
            }
            throw e;
        }
    }

    private static String fileNameOf(String disposition) {
        if (disposition == null || disposition.isBlank()) {
            return null;
        }
        try {
            return ContentDisposition.parse(disposition).getFilename();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
