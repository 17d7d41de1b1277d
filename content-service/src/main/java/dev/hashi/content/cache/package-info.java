/**
 * The delivery response cache and HTTP caching of {@code /api/delivery/**}: rendered bytes and their ETag kept in
 * memory per request and negotiated locale, evicted by the content and media events every replica reads.
 */
package dev.hashi.content.cache;
