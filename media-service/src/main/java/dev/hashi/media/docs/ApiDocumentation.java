package dev.hashi.media.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs} (through the gateway: {@code /docs/media/v3/api-docs}): the bearer
 * scheme the gateway accepts, the RFC 9457 problem schema, and on every operation the problem responses the
 * conventions give it — 400 and 401 everywhere, 403 unless it reads one resource (hidden ones are 404), 404 on
 * paths naming a resource, 409 on creates (Idempotency-Key), 428 and 412 on writes of a resource. Controllers'
 * {@link CommandContext} and {@link PageRequest} parameters are documented as what they are read from.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class, PageRequest.class);
    }

    @Bean
    OpenAPI mediaOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Hashi media-service")
                        .version("1")
                        .description("Media assets. Errors are RFC 9457 problems with a stable code;"
                                + " writes name the version they are based on in If-Match."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT or API token")
                                        .description("Sent to the gateway, which forwards the verified caller.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** {@code cursor} and {@code limit} for every operation that takes a {@link PageRequest}. */
    @Bean
    OperationCustomizer pagingParameters() {
        return (operation, handler) -> {
            Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.getParameterType() == PageRequest.class)
                    .findFirst()
                    .ifPresent(p -> {
                        PageLimits limits = p.getParameterAnnotation(PageLimits.class);
                        int defaultLimit = limits == null ? PageRequest.DEFAULT_LIMIT : limits.defaultLimit();
                        int max = limits == null ? PageRequest.MAX_LIMIT : limits.max();
                        operation.addParametersItem(new Parameter()
                                .in("query")
                                .name("cursor")
                                .description("The next value of the previous page, unchanged.")
                                .schema(typed("string")));
                        operation.addParametersItem(new Parameter()
                                .in("query")
                                .name("limit")
                                .description("Items per page.")
                                .schema(typed("integer")
                                        .minimum(java.math.BigDecimal.ONE)
                                        .maximum(java.math.BigDecimal.valueOf(max))
                                        ._default(defaultLimit)));
                    });
            return operation;
        };
    }

    /** The Problem schema, and on every operation the problem responses the conventions give it. */
    @Bean
    GlobalOperationComponentsCustomizer problemResponses() {
        return new GlobalOperationComponentsCustomizer() {
            @Override
            public Operation customize(Operation operation, Components components, HandlerMethod handler) {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
                    components.addSchemas("FieldError", fieldError()).addSchemas(PROBLEM, problem());
                }
                RequestMapping mapping =
                        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
                if (mapping != null) {
                    RequestMethod method = mapping.method().length == 0 ? RequestMethod.GET : mapping.method()[0];
                    boolean namesResource = Arrays.stream(mapping.path()).anyMatch(path -> path.contains("{"));
                    addProblems(method, namesResource, operation);
                }
                return operation;
            }

            @Override
            public Operation customize(Operation operation, HandlerMethod handler) {
                return operation;
            }
        };
    }

    private static void addProblems(RequestMethod method, boolean namesResource, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean write = method == RequestMethod.PATCH || method == RequestMethod.PUT || method == RequestMethod.DELETE;
        add(responses, "400", "Invalid (request.invalid) or unreadable (request.malformed) input.", null);
        add(responses, "401", "Sign in (auth.required).", null);
        if (!(method == RequestMethod.GET && namesResource)) {
            add(responses, "403", "The caller's roles do not allow this (auth.forbidden).", null);
        }
        if (namesResource) {
            add(
                    responses,
                    "404",
                    "No such resource, or one the caller may not see (<resource>.not-found).",
                    Map.of(
                            "title", "Not Found",
                            "status", 404,
                            "detail", "No asset a-123.",
                            "instance", "/api/media/assets/a-123",
                            "code", "asset.not-found",
                            "requestId", "8c1f0e2a",
                            "resource", "asset",
                            "id", "a-123"));
        }
        if (method == RequestMethod.POST) {
            add(responses, "409", "Idempotency-Key reused or still in progress.", null);
        }
        if (write && namesResource) {
            add(responses, "412", "The resource changed since that version (version.conflict).", null);
            add(responses, "428", "Send If-Match with the ETag you read (version.required).", null);
        }
    }

    private static void add(ApiResponses responses, String status, String description, Map<String, Object> example) {
        if (responses.containsKey(status)) {
            return;
        }
        MediaType problem = new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM));
        if (example != null) {
            problem.addExamples("problem", new Example().value(example));
        }
        responses.addApiResponse(
                status,
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, problem)));
    }

    private static Schema<?> problem() {
        return object("An RFC 9457 problem; extension members such as resource, id and currentVersion depend on"
                        + " the code.")
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string").format("uri-reference"))
                .addProperty("code", typed("string").example(ProblemCodes.notFound("asset")))
                .addProperty("requestId", typed("string"))
                .addProperty("errors", typed("array").items(new JsonSchema().$ref("#/components/schemas/FieldError")))
                .required(List.of("title", "status", "code"))
                .additionalProperties(true);
    }

    private static Schema<?> fieldError() {
        return object("One invalid value.")
                .addProperty("field", typed("string").example("title"))
                .addProperty("code", typed("string").example("locale.unsupported"))
                .addProperty("message", typed("string"))
                .addProperty("value", new JsonSchema())
                .required(List.of("field", "code", "message"));
    }

    private static Schema<Object> object(String description) {
        return typed("object").description(description);
    }

    /** A JSON Schema (OpenAPI 3.1) of one type. */
    private static Schema<Object> typed(String type) {
        return new JsonSchema().types(new java.util.LinkedHashSet<>(List.of(type)));
    }
}
