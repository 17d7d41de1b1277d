package dev.hashi.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Object mother for the 2003 Kitakyushu World Partnership Conference page of the seed. Presentations titled only in
 * Japanese on the original page are Japanese-source values without English; English-only ones have no Japanese.
 */
public final class Pages {

    /** One presentation of the Local Governments session; exactly one of the titles is set. */
    public record Presentation(String englishTitle, String japaneseTitle, String presenter) {}

    public static final List<Presentation> LOCAL_GOVERNMENT_PRESENTATIONS = List.of(
            new Presentation(null, "住民協働の環境モデル都市づくりを目指して~水俣市~", "Minamata City, Japan"),
            new Presentation(
                    "Citizens and City government's Cooperation towards Zero-emission City: The case study of "
                            + "Bucheon City, Korea",
                    null,
                    "Puchon City, Korea"),
            new Presentation("Partnerships on Sustainable Development in Surabaya", null, "Surabaya, Indonesia"),
            new Presentation(null, "仙台市地球温暖化対策推進協議会について", "Sendai City, Japan"),
            new Presentation("Pollution Control Programmes and Cooperation with Japan", null, "Dalian City, China"),
            new Presentation(null, "福岡市における環境国際協力の取組み", "Fukuoka City, Japan"),
            new Presentation(null, "美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに", "Toyama Prefecture, Japan"),
            new Presentation(null, "「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力", "Institute for Global Environmental Strategies"),
            new Presentation(
                    "Environmental Management and International Cooperation in Kitakyushu through "
                            + "Partnership among Stakeholders",
                    null,
                    "Kitakyushu City, Japan"));

    public static final String TITLE = "World Partnership Conference on Sustainable Development: Local Governments & "
            + "Community-based activities and partnerships (Japan National Seminar)";

    private Pages() {}

    /** The page's English fields: title, summary, date, venue, three sessions, presentations with English titles. */
    public static Map<String, Object> conferencePage() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", TITLE);
        page.put(
                "summary",
                "At the 2002 World Summit on Sustainable Development, participants from all sectors of "
                        + "society committed themselves to concrete actions. A declaration (English, Japanese) was adopted at "
                        + "the Conference (to be made available).");
        page.put("date", "2003-10-28");
        page.put("venue", "Kitakyushu International Conference Centre (Kitakyushu, Japan)");
        page.put(
                "sessions",
                List.of(
                        session(
                                "Grassroots Activities",
                                "Activities of residents and NGOs in environmental improvement",
                                List.of()),
                        session(
                                "Business Sectors",
                                "Environmental consideration of corporate activities and contributions " + "to society",
                                List.of()),
                        session(
                                "Local Governments",
                                "Internatioanl cooperation in environmental activities and experiences",
                                englishPresentations())));
        return page;
    }

    private static Map<String, Object> session(String title, String theme, List<Map<String, Object>> presentations) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", title);
        session.put("theme", theme);
        session.put("presentations", presentations);
        return session;
    }

    private static List<Map<String, Object>> englishPresentations() {
        List<Map<String, Object>> presentations = new ArrayList<>();
        for (Presentation p : LOCAL_GOVERNMENT_PRESENTATIONS) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (p.englishTitle() != null) {
                fields.put("title", p.englishTitle());
            }
            fields.put("presenter", p.presenter());
            presentations.add(fields);
        }
        return presentations;
    }

    /**
     * The Japanese write for a created page: the Japanese-only presentation titles, addressed by the item ids the
     * service gave them (read from {@code created}, the entry view).
     */
    public static Map<String, Object> japaneseTitles(JsonNode created) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (JsonNode session : created.path("fields").path("sessions")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", session.path("id").asString());
            List<Map<String, Object>> presentations = new ArrayList<>();
            int index = 0;
            for (JsonNode presentation : session.path("presentations")) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", presentation.path("id").asString());
                String japanese = LOCAL_GOVERNMENT_PRESENTATIONS.get(index++).japaneseTitle();
                if (japanese != null) {
                    p.put("title", japanese);
                }
                presentations.add(p);
            }
            s.put("presentations", presentations);
            sessions.add(s);
        }
        return Map.of("sessions", sessions);
    }

    /** An organisation of the page (the conference's contact). */
    public static Map<String, Object> secretariat() {
        return Map.of(
                "name",
                "Institute for Global Environmental Strategies",
                "unit",
                "Kitakyushu Initiative Network Secretariat",
                "address",
                "3-9-30 Asano, Kokurakita-ku\nKitakyushu City 802-0001 Japan");
    }

    /** A create request body. */
    public static Map<String, Object> create(String type, String locale, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("locale", locale);
        body.put("fields", fields);
        return body;
    }

    /** A patch request body. */
    public static Map<String, Object> patch(String locale, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locale", locale);
        body.put("fields", fields);
        return body;
    }
}
