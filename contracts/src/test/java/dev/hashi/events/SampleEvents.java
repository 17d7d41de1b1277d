package dev.hashi.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.events.content.ContentTypeChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.events.content.FieldValueChange.WriteKind;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaAssetStored;
import dev.hashi.events.media.MediaTextChange;
import dev.hashi.events.media.MediaVariant;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.events.translation.TranslationSubmitted;
import dev.hashi.events.translation.TranslationUnitStateChanged;

/** One fixed sample of every event type, drawn from the 2003 Kitakyushu conference page. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2003-10-28T01:00:00Z");
    static final String MINAMATA_TITLE = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String MINAMATA_HASH = "9d3c0f6b1a0e5a2c7d4e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    private static final MediaVariant FUKUOKA_SLIDES = new MediaVariant(
            "ja",
            6_815_744L,
            "application/vnd.ms-powerpoint",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "福岡市.ppt");

    private SampleEvents() {}

    static List<EventEnvelope<?>> all() {
        return List.of(
                envelope(
                        "00000000-0000-4000-8000-000000000001",
                        "e-minamata",
                        3,
                        new ContentEntryChanged(
                                "e-minamata",
                                "presentation",
                                Map.of("ja", MINAMATA_TITLE),
                                List.of(new FieldValueChange(
                                        "title",
                                        "ja",
                                        "ja",
                                        MINAMATA_TITLE,
                                        MINAMATA_HASH,
                                        WriteKind.SOURCE,
                                        false,
                                        false,
                                        null)))),
                envelope(
                        "00000000-0000-4000-8000-000000000002",
                        "e-wpc2003",
                        7,
                        new ContentEntryPublished(
                                "e-wpc2003", "event-page", "en", 7, "world-partnership-conference-2003")),
                envelope(
                        "00000000-0000-4000-8000-000000000003",
                        "e-wpc2003",
                        8,
                        new ContentEntryUnpublished("e-wpc2003", "event-page", "en")),
                envelope(
                        "00000000-0000-4000-8000-000000000004",
                        "e-draft",
                        2,
                        new ContentEntryDeleted("e-draft", "presentation")),
                envelope(
                        "00000000-0000-4000-8000-000000000005",
                        "presentation",
                        1,
                        new ContentTypeChanged("presentation", List.of("title", "speaker"))),
                envelope(
                        "00000000-0000-4000-8000-000000000006",
                        "u-minamata-title-en",
                        2,
                        new TranslationUnitStateChanged(
                                "u-minamata-title-en",
                                "e-minamata",
                                "title",
                                "ja",
                                "en",
                                "untranslated",
                                "in_progress",
                                MINAMATA_HASH)),
                envelope(
                        "00000000-0000-4000-8000-000000000009",
                        "u-minamata-title-en",
                        3,
                        new TranslationSubmitted(
                                "u-minamata-title-en",
                                "e-minamata",
                                "title",
                                "ja",
                                "en",
                                MINAMATA_HASH,
                                "Towards an environmental model city built with residents: Minamata",
                                "translator-1")),
                envelope(
                        "00000000-0000-4000-8000-000000000007",
                        "u-minamata-title-en",
                        4,
                        new TranslationApproved(
                                "u-minamata-title-en",
                                "e-minamata",
                                "title",
                                "ja",
                                "en",
                                MINAMATA_HASH,
                                "Towards an environmental model city built with residents: Minamata",
                                "translator-1",
                                "reviewer-1")),
                envelope(
                        "00000000-0000-4000-8000-000000000008",
                        "a-fukuoka-ppt",
                        1,
                        new MediaAssetChanged(
                                "a-fukuoka-ppt",
                                "presentation",
                                Map.of("ja", "福岡市における環境国際協力の取組み"),
                                null,
                                "application/vnd.ms-powerpoint",
                                "on_request",
                                List.of("ja"),
                                Map.of(
                                        "en",
                                        "Too large for download - please contact the Secretariat.",
                                        "ja",
                                        "ファイルサイズが大きいため、事務局にお問い合わせください。"),
                                "e-secretariat",
                                null,
                                List.of(FUKUOKA_SLIDES),
                                List.of(new MediaTextChange(
                                        "title",
                                        "ja",
                                        "ja",
                                        "福岡市における環境国際協力の取組み",
                                        "5c0bd1c7a08e1b6b4cf0e4f8b1f0d7c4d0c1b2a3948576a6b5c4d3e2f1a0b9c8",
                                        false)))),
                envelope(
                        "00000000-0000-4000-8000-000000000012",
                        "e-fukuoka",
                        4,
                        new ContentEntryReferencesChanged(
                                "e-fukuoka",
                                "presentation",
                                List.of("a-fukuoka-pdf", "a-fukuoka-ppt"),
                                List.of("a-fukuoka-ppt"))),
                envelope(
                        "00000000-0000-4000-8000-000000000011",
                        "a-fukuoka-ppt",
                        1,
                        new MediaAssetStored("a-fukuoka-ppt", FUKUOKA_SLIDES)),
                envelope(
                        "00000000-0000-4000-8000-000000000010",
                        "a-fukuoka-ppt",
                        2,
                        new MediaAssetDeleted("a-fukuoka-ppt", "presentation")));
    }

    private static <P extends EventPayload> EventEnvelope<P> envelope(
            String id, String aggregateId, long version, P payload) {
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope<>(
                UUID.fromString(id),
                type.value(),
                type.schemaVersion(),
                AT,
                aggregateId,
                version,
                "req-7f3a",
                "editor-1",
                payload);
    }
}
