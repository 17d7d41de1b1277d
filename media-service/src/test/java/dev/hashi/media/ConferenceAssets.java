package dev.hashi.media;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.ServiceClient;

/** Callers and asset bodies from the 2003 Kitakyushu conference page. */
final class ConferenceAssets {

    static final Identity ADMIN = ServiceClient.user("ada", Role.ADMIN);
    static final Identity EDITOR = ServiceClient.user("eri", Role.EDITOR);
    static final Identity TRANSLATOR = ServiceClient.translator("taro", "ja:en");
    static final Identity READER = ServiceClient.user("rita", Role.READER);

    static final String FUKUOKA_JA = "福岡市における環境国際協力の取組み";
    static final String FUKUOKA_EN = "Fukuoka City's international environmental cooperation";
    /** Half-width kana and full-width digits, as pasted from old pages. */
    static final String CAPTION_JA = "ｶﾀｶﾅ表記の資料（２００３年１０月２８日）";

    private ConferenceAssets() {}

    /** The Fukuoka presentation, on request, titled in Japanese and English. */
    static Map<String, Object> fukuokaPresentation() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "presentation");
        body.put("title", Map.of("ja", text(FUKUOKA_JA), "en", Map.of("text", FUKUOKA_EN, "origin", "ja")));
        body.put("caption", Map.of("ja", text(CAPTION_JA)));
        body.put(
                "availability",
                Map.of(
                        "state", "on_request",
                        "contactText", Map.of("en", text("Too large for download; please contact the Secretariat.")),
                        "contactEntryId", "e-secretariat"));
        return body;
    }

    /** A minimal asset of {@code kind} titled {@code title} in English. */
    static Map<String, Object> titled(String kind, String title) {
        return Map.of("kind", kind, "title", Map.of("en", text(title)));
    }

    static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
