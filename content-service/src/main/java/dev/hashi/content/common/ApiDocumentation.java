package dev.hashi.content.common;

import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import dev.hashi.identity.Identity;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of the content API ({@code /v3/api-docs}): bearer sign-in at the gateway, the paging
 * parameters of every list, and the RFC 9457 problem every failure answers with.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class, PageRequest.class, Identity.class);
    }

    @Bean
    OpenAPI contentApi() {
        Components components = new Components()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token the gateway accepts; the gateway signs the caller's identity"
                                        + " for this service."));
        @SuppressWarnings("rawtypes")
        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(ProblemDocument.class);
        problemSchemas.forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info()
                        .title("Hashi content-service")
                        .description("Content types, multilingual entries, revisions, per-locale workflow and"
                                + " delivery. Failures are RFC 9457 problems with a stable code; see"
                                + " docs/api-conventions.md.")
                        .version("v1"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Paging parameters for lists, and the problem responses each operation can answer with. */
    @Bean
    OperationCustomizer conventions() {
        return (operation, handler) -> {
            paging(handler).ifPresent(limits -> addPaging(operation, limits));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            problem(responses, "400", "Invalid input (request.invalid with errors, request.malformed)");
            problem(responses, "401", "Not signed in (auth.required)");
            problem(responses, "403", "The caller's roles do not allow this (auth.forbidden)");
            problem(responses, "404", "Not found (entry.not-found, type.not-found, revision.not-found)");
            if (creates(handler)) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .description("1–255 of A–Z a–z 0–9 . _ : -; the same key and request replay the first"
                                + " response (Idempotent-Replayed: true), the same key with another request is 409"
                                + " idempotency.key-reused")
                        .schema(new StringSchema().maxLength(255)));
            }
            if (writes(handler)) {
                problem(responses, "409", "Conflicts with the current state (slug.taken, *.invalid-transition)");
                problem(responses, "422", "Breaks a rule (publish.invalid with errors)");
            }
            if (takesIfMatch(handler)) {
                problem(responses, "412", "The resource changed since the version in If-Match (version.conflict)");
                problem(responses, "428", "If-Match is required (version.required)");
            }
            problem(responses, "500", "A bug (internal.error); quote the requestId");
            return operation;
        };
    }

    private static Optional<Limits> paging(HandlerMethod handler) {
        return Arrays.stream(handler.getMethod().getParameters())
                .filter(p -> p.getType() == PageRequest.class)
                .findFirst()
                .map(p -> Limits.of(p.getAnnotation(PageLimits.class)));
    }

    private static void addPaging(Operation operation, Limits limits) {
        operation.addParametersItem(new QueryParameter()
                .name("cursor")
                .description("The next value of the previous page, unchanged; absent for the first page")
                .schema(new StringSchema()));
        operation.addParametersItem(new QueryParameter()
                .name("limit")
                .description("Items per page, 1 to " + limits.max() + " (default " + limits.defaultLimit() + ")")
                .schema(new IntegerSchema()
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(limits.max()))
                        ._default(limits.defaultLimit())));
    }

    private static boolean creates(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PostMapping.class)
                && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static boolean writes(HandlerMethod handler) {
        return Arrays.stream(handler.getMethod().getAnnotations())
                .map(a -> a.annotationType().getSimpleName())
                .anyMatch(name -> name.equals("PostMapping")
                        || name.equals("PutMapping")
                        || name.equals("PatchMapping")
                        || name.equals("DeleteMapping"));
    }

    private static boolean takesIfMatch(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestHeader header = parameter.getAnnotation(RequestHeader.class);
            if (header != null && HttpHeaders.IF_MATCH.equalsIgnoreCase(header.value())) {
                return true;
            }
        }
        return false;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** A list's default and maximum {@code limit}. */
    private record Limits(int defaultLimit, int max) {

        static Limits of(PageLimits annotation) {
            return annotation == null
                    ? new Limits(PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT)
                    : new Limits(annotation.defaultLimit(), annotation.max());
        }
    }
}
