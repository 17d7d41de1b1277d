package dev.hashi.service.openapi;

import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import dev.hashi.identity.Identity;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.service.web.ServiceSettings;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description every service serves at {@code /v3/api-docs}, with the shared conventions written in once
 * (docs/api-conventions.md): bearer sign-in at the gateway, {@code cursor}/{@code limit} on every list,
 * {@code Idempotency-Key} on JSON creates, {@code If-Match} answers (412, 428) where an operation takes it, and every
 * failure as the {@code Problem} schema ({@code application/problem+json}). A service adds its own title and
 * operation details with annotations.
 */
@AutoConfiguration
public class ApiDocumentation {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class, PageRequest.class, Identity.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(ServiceSettings service) {
        Components components = new Components()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token the gateway accepts (JWT or API token); the gateway signs the"
                                        + " caller's identity for this service."));
        @SuppressWarnings("rawtypes")
        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(ProblemDocument.class);
        problemSchemas.forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info()
                        .title("Hashi " + service.name() + "-service")
                        .description("Failures are RFC 9457 problems with a stable code; lists page with cursor and"
                                + " limit; see docs/api-conventions.md.")
                        .version("v1"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Paging, idempotency and version parameters where an operation takes them, with their problem answers. */
    @Bean
    OperationCustomizer hashiConventions() {
        return (operation, handler) -> {
            pageLimits(handler).ifPresent(limits -> addPaging(operation, limits));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (createsFromJson(handler)) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .description("1–255 of A–Z a–z 0–9 . _ : -; the same key and request replay the first"
                                + " response (Idempotent-Replayed: true), the same key with another request is 409"
                                + " idempotency.key-reused")
                        .schema(new StringSchema().maxLength(255).pattern("[A-Za-z0-9._:-]{1,255}")));
                problem(responses, "409", "Conflicts with the current state or a reused Idempotency-Key");
            }
            if (takesIfMatch(handler)) {
                problem(responses, "412", "The resource changed since the version in If-Match (version.conflict)");
                problem(responses, "428", "If-Match is required (version.required)");
            }
            return operation;
        };
    }

    /** Every operation answers its failures as problems: the common ones plus those it declares itself. */
    @Bean
    OpenApiCustomizer hashiProblems(ServiceSettings service) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            describeInfo(service, openApi.getPaths().get(service.apiPrefix() + "/info"));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        ApiResponses responses =
                                operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                        operation.setResponses(responses);
                        problem(responses, "400", "Invalid input (request.invalid with errors, request.malformed)");
                        problem(responses, "401", "Not signed in (auth.required)");
                        problem(
                                responses,
                                "403",
                                "The caller's roles or locale pairs do not allow this (auth.forbidden)");
                        problem(responses, "500", "A bug (internal.error); quote the requestId");
                        responses.forEach((code, response) -> {
                            if (code.startsWith("4") || code.startsWith("5")) {
                                response.setContent(problemContent());
                            }
                        });
                    }));
        };
    }

    private static void describeInfo(ServiceSettings service, PathItem info) {
        if (info == null || info.getGet() == null) {
            return;
        }
        ObjectSchema schema = new ObjectSchema();
        schema.addProperty("service", new StringSchema().example(service.name()));
        schema.addProperty("version", new StringSchema().example("0.1.0-SNAPSHOT"));
        info.getGet()
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("Which service answered, and its version")
                                        .content(new Content()
                                                .addMediaType(
                                                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                                        new MediaType().schema(schema)))));
    }

    private static java.util.Optional<Limits> pageLimits(HandlerMethod handler) {
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
                .description("Items per page, 1 to " + limits.max() + " (default " + limits.defaultLimit()
                        + "); out of range is request.invalid")
                .schema(new IntegerSchema()
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(limits.max()))
                        ._default(limits.defaultLimit())));
    }

    private static boolean createsFromJson(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PostMapping.class)
                && Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static boolean takesIfMatch(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestHeader header = parameter.getAnnotation(RequestHeader.class);
            if (header != null
                    && (HttpHeaders.IF_MATCH.equalsIgnoreCase(header.value())
                            || HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name()))) {
                return true;
            }
        }
        return false;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(
                    status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
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
