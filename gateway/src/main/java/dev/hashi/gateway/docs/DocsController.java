package dev.hashi.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.gateway.routing.DownstreamProperties;

/**
 * {@code GET /docs} (also {@code /docs/index.json}): the index of every API document behind the gateway;
 * {@code GET /docs/gateway/openapi.json}: the gateway's own endpoints, a hand-maintained document that
 * {@code GatewayOpenApiDocumentTest} keeps in step with the controllers. The services' documents are routed to
 * them ({@code /docs/<service>/v3/api-docs}).
 */
@RestController
class DocsController {

    static final String GATEWAY_DOCUMENT = "/docs/gateway/openapi.json";
    static final String RESOURCE = "docs/gateway-openapi.json";

    private final byte[] document;
    private final DocsIndex index;

    DocsController(DownstreamProperties downstream) {
        this.document = read(RESOURCE);
        List<DocsIndex.Document> urls = new ArrayList<>();
        urls.add(new DocsIndex.Document("gateway", GATEWAY_DOCUMENT));
        downstream
                .services()
                .keySet()
                .forEach(service -> urls.add(new DocsIndex.Document(service, "/docs/" + service + "/v3/api-docs")));
        this.index = new DocsIndex(List.copyOf(urls));
    }

    @GetMapping(
            path = {"/docs", "/docs/index.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocsIndex> index() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(index);
    }

    @GetMapping(path = GATEWAY_DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> gateway() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(document);
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's OpenAPI document " + resource + " is missing", e);
        }
    }
}
