package dev.hashi.media.binary;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import dev.hashi.service.error.InvalidInputException;

/**
 * What the bytes are, in Apache Tika's judgement from their first bytes and the file name, and whether they are
 * <em>active</em>: content a browser runs (HTML, SVG, JavaScript, XML carrying scripts). Active bytes are accepted
 * only when the client declared that very kind; they are always served as attachments.
 */
public final class ContentTypes {

    /** How many leading bytes detection looks at. */
    public static final int PREFIX = 8 * 1024;
    /** The field error code of a declared type the bytes contradict. */
    public static final String MISMATCH = "media.type-mismatch";

    private static final Tika TIKA = new Tika();
    private static final Map<String, String> ACTIVE_FAMILIES = Map.ofEntries(
            Map.entry("text/html", "html"),
            Map.entry("application/xhtml+xml", "html"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("application/javascript", "script"),
            Map.entry("text/javascript", "script"),
            Map.entry("application/x-javascript", "script"),
            Map.entry("application/ecmascript", "script"),
            Map.entry("text/ecmascript", "script"),
            Map.entry("application/xml", "xml"),
            Map.entry("text/xml", "xml"));
    private static final Set<String> MARKUP_SCRIPT = Set.of("<script", "javascript:", " onload=", " onerror=");

    private ContentTypes() {}

    /** The type Tika detects for {@code prefix} (the first bytes) of a file named {@code fileName}. */
    public static String detect(byte[] prefix, String fileName) {
        return TIKA.detect(prefix, fileName);
    }

    /**
     * The active family ({@code html}, {@code svg}, {@code script}, {@code xml}) of these bytes, or {@code null} when
     * a browser would not run them: by the detected type, and by the markup the first bytes carry whatever the
     * detected type (a page saved as {@code .txt} is still a page to a sniffing browser).
     */
    public static String activeFamily(String detected, byte[] prefix) {
        String text = new String(prefix, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String family = ACTIVE_FAMILIES.get(base(detected));
        if (text.contains("<svg")) {
            return "svg";
        }
        if (text.contains("<html") || text.contains("<!doctype html") || text.contains("<iframe")) {
            return "html";
        }
        if ("xml".equals(family)) {
            return MARKUP_SCRIPT.stream().anyMatch(text::contains) ? "xml" : null;
        }
        if (family == null && base(detected).startsWith("text/") && text.contains("<script")) {
            return "html";
        }
        return family;
    }

    /** The usual extension of {@code type} ({@code .pdf}), empty when Tika knows none. */
    public static String extension(String type) {
        try {
            return MimeTypes.getDefaultMimeTypes().forName(base(type)).getExtension();
        } catch (MimeTypeException e) {
            return "";
        }
    }

    /** Whether {@code type} is one a browser runs when served inline. */
    public static boolean isActive(String type) {
        return type != null && ACTIVE_FAMILIES.containsKey(base(type));
    }

    /**
     * Refuses bytes of an active family the client did not declare.
     *
     * @throws InvalidInputException {@code Content-Type} / {@code media.type-mismatch}
     */
    public static void requireDeclared(String declared, String detected, byte[] prefix) {
        String active = activeFamily(detected, prefix);
        if (active == null) {
            return;
        }
        String declaredFamily = declared == null ? null : ACTIVE_FAMILIES.get(base(declared));
        if (!active.equals(declaredFamily) && !("xml".equals(active) && "svg".equals(declaredFamily))) {
            throw InvalidInputException.field(
                    "Content-Type",
                    MISMATCH,
                    "The bytes are " + active + " content, which browsers run, but were declared as " + declared
                            + "; declare the real type.",
                    declared);
        }
    }

    /** {@code type} without parameters, in lower case. */
    public static String base(String type) {
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
