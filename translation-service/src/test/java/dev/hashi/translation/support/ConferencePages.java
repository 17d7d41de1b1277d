package dev.hashi.translation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hashi.events.content.FieldValueChange;

/**
 * Object mother for the 2003 Kitakyushu World Partnership Conference page (see the project's seed source):
 * presentation titles that exist only in Japanese, and ones that exist only in English.
 */
public final class ConferencePages {

    public static final String PAGE_TITLE = "World Partnership Conference on Sustainable Development: Local "
            + "Governments & Community-based activities and partnerships (Japan National Seminar)";

    /** Japanese-only presentation titles, by list item id. */
    public static final Map<String, String> JAPANESE_ONLY = Map.of(
            "p-minamata", "住民協働の環境モデル都市づくりを目指して~水俣市~",
            "p-sendai", "仙台市地球温暖化対策推進協議会について",
            "p-fukuoka", "福岡市における環境国際協力の取組み",
            "p-toyama", "美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに",
            "p-iges", "「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力");

    /** English-only presentation titles, by list item id. */
    public static final Map<String, String> ENGLISH_ONLY = Map.of(
            "p-puchon",
            "Citizens and City government's Cooperation towards Zero-emission City: The case study of "
                    + "Bucheon City, Korea",
            "p-surabaya",
            "Partnerships on Sustainable Development in Surabaya",
            "p-dalian",
            "Pollution Control Programmes and Cooperation with Japan",
            "p-kitakyushu",
            "Environmental Management and International Cooperation in Kitakyushu through "
                    + "Partnership among Stakeholders");

    private ConferencePages() {}

    /** A fresh entry id, so each test has its own page. */
    public static String newEntryId() {
        return "e-wpc2003-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String titlePath(String presentationId) {
        return "sessions[s-local].presentations[" + presentationId + "].title";
    }

    public static Map<String, String> titles() {
        return Map.of("en", PAGE_TITLE);
    }

    /** Every presentation title as the source value of its locale. */
    public static FieldValueChange[] presentationTitles() {
        List<FieldValueChange> changes = new ArrayList<>();
        JAPANESE_ONLY.forEach((id, title) -> changes.add(ContentEvents.source(titlePath(id), "ja", title)));
        ENGLISH_ONLY.forEach((id, title) -> changes.add(ContentEvents.source(titlePath(id), "en", title)));
        return changes.toArray(FieldValueChange[]::new);
    }

    /** The page stored for the first time: page title plus every presentation title. */
    public static void publish(ContentEvents events, String entryId) {
        List<FieldValueChange> changes = new ArrayList<>(List.of(presentationTitles()));
        changes.add(0, ContentEvents.source("title", "en", PAGE_TITLE));
        events.changed(entryId, 1, "editor-1", titles(), changes.toArray(FieldValueChange[]::new));
    }
}
