package dev.hashi.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fact of the seed page ({@code wpc-2003-kitakyushu.txt}) as write requests for the seed types, line by line;
 * {@code docs/content-model.md} maps each line to its field.
 */
final class SeedPage {

    /** A presentation row: title in its original language, city, country, its files by name. */
    record Row(String title, String titleLocale, String city, String country, boolean iges, List<String> files) {}

    static final List<Row> PRESENTATIONS = List.of(
            new Row("住民協働の環境モデル都市づくりを目指して~水俣市~", "ja", "Minamata City", "Japan", false, List.of("minamata")),
            new Row(
                    "Citizens and City government's Cooperation towards Zero-emission City: The case study of Bucheon"
                            + " City, Korea",
                    "en",
                    "Puchon City",
                    "Korea",
                    false,
                    List.of("puchon")),
            new Row(
                    "Partnerships on Sustainable Development in Surabaya",
                    "en",
                    "Surabaya",
                    "Indonesia",
                    false,
                    List.of("surabaya-1", "surabaya-2")),
            new Row("仙台市地球温暖化対策推進協議会について", "ja", "Sendai City", "Japan", false, List.of("sendai")),
            new Row(
                    "Pollution Control Programmes and Cooperation with Japan",
                    "en",
                    "Dalian City",
                    "China",
                    false,
                    List.of("dalian")),
            new Row("福岡市における環境国際協力の取組み", "ja", "Fukuoka City", "Japan", false, List.of("fukuoka")),
            new Row(
                    "美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに",
                    "ja",
                    "Toyama Prefecture",
                    "Japan",
                    false,
                    List.of("toyama")),
            new Row("「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力", "ja", null, null, true, List.of("iges")),
            new Row(
                    "Environmental Management and International Cooperation in Kitakyushu through Partnership among"
                            + " Stakeholders",
                    "en",
                    "Kitakyushu City",
                    "Japan",
                    false,
                    List.of("kitakyushu")));

    static final String LOCAL_GOVERNMENT_SESSION = "The Local Government Session was conducted as a country-specific"
            + " seminar for Japan. The Session included the particpation of cities in Japan (Minamata, Sendai, Fukuoka,"
            + " Kitakyushu, Toyama Prefecture), as well as cities from other areas in Asia (Puchon (Korea), Surabaya"
            + " (Indonesia), Dalian (China)). Discussions focused on successful practices of community-based activities"
            + " and partnerships by local governments.";

    private SeedPage() {}

    static Map<String, Object> unescap() {
        return Map.of(
                "name", "United Nations Economic and Social Commission for Asia and the Pacific",
                "shortName", "UNESCAP",
                "division", "Environment and Sustainable Development Division",
                "unit", "Environment Section",
                "address", "United Nations Building, Rajdamnern Avenue\nBangkok 10200 Thailand");
    }

    static Map<String, Object> iges() {
        return Map.of(
                "name", "Institute for Global Environmental Strategies",
                "shortName", "IGES",
                "unit", "Kitakyushu Initiative Network Secretariat",
                "address", "3-9-30 Asano, Kokurakita-ku\nKitakyushu City 802-0001 Japan");
    }

    /**
     * The English write of the page: every fact but the Japanese-only titles.
     *
     * @param assets the asset id of each file name of {@link #PRESENTATIONS} and {@code declaration}
     */
    static Map<String, Object> english(String unescap, String iges, Map<String, String> assets) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", Pages.TITLE);
        page.put(
                "summary",
                "At the 2002 World Summit on Sustainable Development, participants from all sectors of society--citizens,"
                        + " NGOs, business sectors, local governments and universities--\"committed [themselves] to"
                        + " concrete actions\" to achieve sustainable development. One year after the Johannesburg"
                        + " Summit, Kitakyushu City, together with related stakeholders, organised this conference to"
                        + " facilitate grassroots activities to develop opportunities for partnerships. The Conference"
                        + " looked to share experiences to create and stimulate new local action, facilitate discussions"
                        + " to develop appropriate partnerships, and further activate local actions. A declaration"
                        + " (English, Japanese) was adopted at the Conference (to be made available).");
        page.put("declaration", assets.get("declaration"));
        page.put("programmeIntro", "During the workshop, three concurrent sessions were conducted:");
        page.put("date", "2003-10-28");
        page.put("venue", "Kitakyushu International Conference Centre (Kitakyushu, Japan)");
        page.put(
                "sessions",
                List.of(
                        session(
                                "Grassroots Activities",
                                "Activities of residents and NGOs in environmental improvement"),
                        session(
                                "Business Sectors",
                                "Environmental consideration of corporate activities and contributions to society"),
                        localGovernments(iges, assets)));
        page.put("organisers", List.of(unescap, iges));
        page.put("contacts", List.of(iges));
        return page;
    }

    private static Map<String, Object> session(String title, String theme) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("title", title);
        session.put("theme", theme);
        return session;
    }

    private static Map<String, Object> localGovernments(String iges, Map<String, String> assets) {
        Map<String, Object> session =
                session("Local Governments", "Internatioanl cooperation in environmental activities and experiences");
        session.put("description", LOCAL_GOVERNMENT_SESSION);
        session.put(
                "moderators",
                List.of(Map.of(
                        "name",
                        "Hidefumi Imura",
                        "position",
                        "Professor",
                        "affiliation",
                        "IGES",
                        "organisation",
                        iges)));
        List<Map<String, Object>> presentations = new ArrayList<>();
        for (Row row : PRESENTATIONS) {
            Map<String, Object> p = new LinkedHashMap<>();
            if (row.titleLocale().equals("en")) {
                p.put("title", row.title());
            }
            if (row.city() != null) {
                p.put("city", row.city());
                p.put("country", row.country());
            }
            if (row.iges()) {
                p.put("organisation", iges);
            }
            p.put("attachments", row.files().stream().map(assets::get).toList());
            presentations.add(p);
        }
        session.put("presentations", presentations);
        session.put(
                "commentators",
                List.of(
                        person("Vivian Gunnarsson", "Vice Mayor", "Stockholm, Sweden"),
                        person("Yoshihiko Kono", "Advisor", "JBIC"),
                        person("Hikaru Kobayashi", "Councillor", "Ministry of the Environment, Government of Japan"),
                        person("Saburo Yamaguchi", "Managing Director", "JICA Kyushu")));
        return session;
    }

    private static Map<String, Object> person(String name, String position, String affiliation) {
        return Map.of("name", name, "position", position, "affiliation", affiliation);
    }
}
