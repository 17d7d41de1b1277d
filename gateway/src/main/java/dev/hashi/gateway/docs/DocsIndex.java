package dev.hashi.gateway.docs;

import java.util.List;

/**
 * Every OpenAPI document served through the gateway, in the form Swagger UI's {@code urls} option reads.
 *
 * @param urls one entry per document, the gateway's first
 */
record DocsIndex(List<Document> urls) {

    /**
     * @param name who documents itself there: {@code gateway}, {@code content}, {@code translation}, {@code media}
     * @param url  the document's path on the gateway
     */
    record Document(String name, String url) {}
}
