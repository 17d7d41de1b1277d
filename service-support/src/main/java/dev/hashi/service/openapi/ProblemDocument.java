package dev.hashi.service.openapi;

import java.net.URI;
import java.util.List;

import dev.hashi.service.error.FieldError;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every failure, for the API description only (the shared problem mapper writes it): RFC 9457 members
 * plus the platform's {@code code}, {@code requestId} and {@code errors}; extension members such as {@code resource},
 * {@code id} and {@code currentVersion} depend on the code.
 */
@Schema(name = ApiDocumentation.PROBLEM, description = "RFC 9457 problem details with a stable code", example = """
                {"title": "Precondition Failed", "status": 412, "detail": "The entry changed since you read it; reload\
                 and apply your change again.", "instance": "/api/content/entries/e-1f2e3d4c5b6a7988",\
                 "code": "version.conflict", "requestId": "8c1d2e3f", "resource": "entry", "id": "e-1f2e3d4c5b6a7988",\
                 "currentVersion": 4}""")
record ProblemDocument(
        String title,
        int status,
        String detail,
        URI instance,

        @Schema(description = "Stable machine-readable code from the catalogue", example = "entry.not-found")
        String code,

        @Schema(description = "The request id to quote") String requestId,

        @Schema(description = "For request.invalid and rule violations: each invalid value")
        List<FieldError> errors) {}
