package dev.hashi.content.search;

/**
 * Published in the application after the delivery index changed, when the change is searchable: a response cache
 * that evicted list and search responses on the event that caused it may have stored a response produced from the
 * index before the change, and can evict again on this.
 *
 * @param entryId the entry whose documents changed; {@code null} after a rebuild or a type change
 * @param type    the entry's content type, or the changed type; {@code null} after a rebuild or when the entry is gone
 */
public record DeliveryIndexChanged(String entryId, String type) {}
