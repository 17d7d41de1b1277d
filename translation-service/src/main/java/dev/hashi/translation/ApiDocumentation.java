package dev.hashi.translation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.hashi.identity.Identity;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs}: a bearer scheme (the gateway's tokens), the paging parameters of
 * every list, and every failure as an RFC 9457 problem ({@code application/problem+json}, schema {@code Problem}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";
    static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class, Identity.class, PageRequest.class);
    }

    @Bean
    OpenAPI translationApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Hashi translation-service")
                        .version("1")
                        .description("Translation units, queue, review, memory, progress, XLIFF exchange."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The gateway's access token; the gateway signs the caller for"
                                                + " the service."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds {@code cursor} and {@code limit} to every list that takes a {@link PageRequest}. */
    @Bean
    OperationCustomizer pagingParameters() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == PageRequest.class) {
                    PageLimits limits = parameter.getParameterAnnotation(PageLimits.class);
                    int max = limits == null ? PageRequest.MAX_LIMIT : limits.max();
                    int byDefault = limits == null ? PageRequest.DEFAULT_LIMIT : limits.defaultLimit();
                    operation.addParametersItem(new Parameter()
                            .in("query")
                            .name("cursor")
                            .description("The next value of the previous page, unchanged")
                            .schema(new StringSchema()));
                    operation.addParametersItem(new Parameter()
                            .in("query")
                            .name("limit")
                            .description("Items per page, 1 to " + max + "; out of range is request.invalid")
                            .schema(new IntegerSchema()
                                    .minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(max))
                                    ._default(byDefault)));
                }
            }
            if (handler.hasMethodAnnotation(PostMapping.class)
                    && Arrays.stream(handler.getMethodParameters())
                            .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
                operation.addParametersItem(new Parameter()
                        .in("header")
                        .name("Idempotency-Key")
                        .description("Repeats of the same request with this key get the first response again")
                        .schema(new StringSchema().maxLength(255).pattern("[A-Za-z0-9._:-]{1,255}")));
            }
            boolean hasId = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(
                            p -> p.hasParameterAnnotation(PathVariable.class) && "unitId".equals(p.getParameterName()));
            if (hasId) {
                problem(operation, HttpStatus.NOT_FOUND, "unit.not-found");
            }
            if (hasId
                    && (handler.hasMethodAnnotation(PostMapping.class)
                            || handler.hasMethodAnnotation(PutMapping.class))) {
                problem(
                        operation,
                        HttpStatus.CONFLICT,
                        "The unit's state does not allow this (unit.invalid-transition), someone else holds it"
                                + " (unit.assigned) or its source changed (unit.source-changed)");
            }
            return operation;
        };
    }

    /**
     * Every operation answers its failures as problems: the common ones, plus those an operation declares. The
     * shared info endpoint (service-support's {@code <prefix>/info}) returns an untyped map; its schema is given here.
     */
    @Bean
    OpenApiCustomizer problemResponses(@Value("${cms.service.api-prefix}") String apiPrefix) {
        return openApi -> {
            describeInfo(openApi.getPaths().get(apiPrefix + "/info"));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        problem(operation, HttpStatus.BAD_REQUEST, "request.invalid or request.malformed");
                        problem(operation, HttpStatus.UNAUTHORIZED, "auth.required");
                        problem(operation, HttpStatus.FORBIDDEN, "auth.forbidden");
                        operation.getResponses().forEach((code, response) -> {
                            if (code.startsWith("4") || code.startsWith("5")) {
                                response.setContent(problemContent());
                            }
                        });
                    }));
        };
    }

    private static void describeInfo(PathItem info) {
        if (info == null || info.getGet() == null) {
            return;
        }
        ObjectSchema schema = new ObjectSchema();
        schema.addProperty("service", new StringSchema().example("translation"));
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

    private static void problem(Operation operation, HttpStatus status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = String.valueOf(status.value());
        if (!operation.getResponses().containsKey(code)) {
            operation
                    .getResponses()
                    .addApiResponse(
                            code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("limit"));
        fieldError.addProperty("code", new StringSchema().example("range"));
        fieldError.addProperty("message", new StringSchema());
        fieldError.addProperty("value", new Schema<>().description("the rejected value, when echoed"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with the platform's members; see docs/api-conventions.md");
        problem.addProperty("title", new StringSchema().example("Not Found"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().example("No unit u-123."));
        problem.addProperty("instance", new StringSchema().example("/api/translations/units/u-123"));
        problem.addProperty("code", new StringSchema().example("unit.not-found"));
        problem.addProperty("requestId", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.setRequired(List.of("title", "status", "code"));
        problem.setAdditionalProperties(true);
        problem.setExample(Map.of(
                "title", "Not Found",
                "status", 404,
                "detail", "No unit u-123.",
                "code", "unit.not-found",
                "resource", "unit",
                "id", "u-123"));
        return problem;
    }
}
