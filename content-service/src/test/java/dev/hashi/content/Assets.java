package dev.hashi.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaVariant;
import dev.hashi.testsupport.KafkaProbe;

/** Object mother for media-service's events about the seed page's attachments, sent on the real broker. */
final class Assets {

    static final String POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String CONTACT_EN = "Presentation is too large for download. Please contact the Secretariat for copy.";
    static final String CONTACT_JA = "ファイルが大きいため、ダウンロードできません。事務局にお問い合わせください。";

    private Assets() {}

    /** A unique asset id for one test. */
    static String id(String name) {
        return "a-" + name + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** An available asset with one variant per locale, each of {@code sizeBytes}. */
    static EventEnvelope<MediaAssetChanged> available(String id, long version, long sizeBytes, String... locales) {
        List<MediaVariant> variants = java.util.Arrays.stream(locales)
                .map(l -> new MediaVariant(l, sizeBytes, POWERPOINT, "0".repeat(64), "slides-" + l + ".pptx"))
                .toList();
        return changed(id, version, "available", sizeBytes, List.of(locales), Map.of(), null, null, variants);
    }

    /** An asset available on request only, with the contact text per locale and the contact entry. */
    static EventEnvelope<MediaAssetChanged> onRequest(
            String id, long version, Map<String, String> contactText, String contactEntryId) {
        return changed(id, version, "on_request", null, List.of(), contactText, contactEntryId, null, List.of());
    }

    /** An asset still to be made available, expected on {@code expectedDate}. */
    static EventEnvelope<MediaAssetChanged> pending(String id, long version, String expectedDate) {
        return changed(id, version, "pending", null, List.of(), Map.of(), null, expectedDate, List.of());
    }

    static EventEnvelope<MediaAssetDeleted> deleted(String id, long version) {
        return EventEnvelope.of(new MediaAssetDeleted(id, "presentation"), id, version, null, "media", Instant.now());
    }

    /**
     * Another asset id whose events land in the same partition of the media topic as {@code assetId}'s (the
     * producer's default partitioner over the services' default of {@value #PARTITIONS} partitions), so that once it
     * is applied, every event for {@code assetId} sent before it was handled too.
     */
    static String onSamePartition(String assetId) {
        int partition = partitionOf(assetId);
        for (int i = 0; ; i++) {
            String candidate = id("sentinel-" + i);
            if (partitionOf(candidate) == partition) {
                return candidate;
            }
        }
    }

    static final int PARTITIONS = 3;

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                        key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % PARTITIONS;
    }

    static void send(EventEnvelope<?>... events) {
        for (EventEnvelope<?> event : events) {
            KafkaProbe.send(event);
        }
    }

    private static EventEnvelope<MediaAssetChanged> changed(
            String id,
            long version,
            String availability,
            Long sizeBytes,
            List<String> variantLocales,
            Map<String, String> contactText,
            String contactEntryId,
            String expectedDate,
            List<MediaVariant> variants) {
        return EventEnvelope.of(
                new MediaAssetChanged(
                        id,
                        "presentation",
                        Map.of("en", "Slides " + id),
                        sizeBytes,
                        sizeBytes == null ? null : POWERPOINT,
                        availability,
                        variantLocales,
                        contactText,
                        contactEntryId,
                        expectedDate,
                        variants,
                        List.of()),
                id,
                version,
                null,
                "media",
                Instant.now());
    }
}
