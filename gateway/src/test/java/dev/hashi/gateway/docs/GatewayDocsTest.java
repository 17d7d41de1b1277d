package dev.hashi.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.security.DevJwts;
import dev.hashi.testsupport.OpenApiChecks;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayDocsTest extends GatewayWithStubServices {

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/docs/index.json"})
    void theIndexListsTheGatewayDocumentAndEveryServiceDocument(String path) {
        JsonNode index = json(path);

        assertThat(index.path("urls")
                        .valueStream()
                        .map(u ->
                                u.path("name").asString() + " " + u.path("url").asString()))
                .containsExactly(
                        "gateway /docs/gateway/openapi.json",
                        "content /docs/content/v3/api-docs",
                        "translation /docs/translation/v3/api-docs",
                        "media /docs/media/v3/api-docs");
    }

    @Test
    void everyDocumentTheIndexListsIsServedThroughTheGateway() throws Exception {
        for (JsonNode document : json("/docs").path("urls")) {
            client.get()
                    .uri(document.path("url").asString())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        assertThat(content.nextRequest().target()).isEqualTo("/v3/api-docs");
        assertThat(media.nextRequest().target()).isEqualTo("/v3/api-docs");
    }

    @Test
    void theGatewayDocumentFollowsTheConventions() {
        JsonNode document = json(DocsController.GATEWAY_DOCUMENT);

        OpenApiChecks.checkConventions(document);
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void theGatewayDocumentDescribesExactlyTheGatewaysOwnEndpoints() {
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith("dev.hashi.gateway")) {
                        info.getPatternsCondition()
                                .getPatterns()
                                .forEach(pattern -> info.getMethodsCondition()
                                        .getMethods()
                                        .forEach(method ->
                                                served.add(method.name() + " " + pattern.getPatternString())));
                    }
                }));

        assertThat(new TreeSet<>(OpenApiChecks.operations(json(DocsController.GATEWAY_DOCUMENT))))
                .isEqualTo(served);
    }

    @Test
    void theDocumentIsTheResourceAsMaintained() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DocsController.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(json(DocsController.GATEWAY_DOCUMENT)).isEqualTo(ServiceClient.JSON.readTree(in));
        }
    }

    @Test
    void documentedProblemsHaveTheDocumentedShape() {
        JsonNode required = json(DocsController.GATEWAY_DOCUMENT)
                .path("components")
                .path("schemas")
                .path("Problem")
                .path("required");

        JsonNode unauthenticated = problem("/api/tokens", null, 401);
        JsonNode missing = problem("/api/tokens/t-missing", DevJwts.token("ada", "admin"), 404);

        assertThat(unauthenticated.path("code").asString()).isEqualTo("auth.required");
        assertThat(missing.path("code").asString()).isEqualTo("token.not-found");
        for (JsonNode member : required) {
            assertThat(unauthenticated.has(member.asString()))
                    .as(member.asString())
                    .isTrue();
            assertThat(missing.has(member.asString())).as(member.asString()).isTrue();
        }
    }

    private JsonNode problem(String path, String token, int status) {
        byte[] body = (token == null
                        ? client.delete().uri(path)
                        : client.delete().uri(path).header("Authorization", "Bearer " + token))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .returnResult()
                .getResponseBody();
        return ServiceClient.JSON.readTree(body);
    }

    private JsonNode json(String path) {
        byte[] body = client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return ServiceClient.JSON.readTree(body);
    }
}
