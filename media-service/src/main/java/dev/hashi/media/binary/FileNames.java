package dev.hashi.media.binary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hashi.service.error.InvalidInputException;

/**
 * Original file names as clients send them: NFC, kept for display, refused when they could name a path or hide
 * characters; and the ASCII storage name derived from one.
 */
public final class FileNames {

    /** The field of refused names in problems. */
    public static final String FIELD = "fileName";
    /** The field error code of a refused name. */
    public static final String INVALID = "media.file-name";
    /** The longest name accepted, in code points. */
    public static final int MAX_LENGTH = 255;

    private static final Set<String> RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\<>:\"|?*]");
    private static final Pattern UNSAFE_STORAGE = Pattern.compile("[^A-Za-z0-9._-]+");

    private FileNames() {}

    /**
     * {@code raw} in NFC, or {@code null} when it is absent or blank.
     *
     * @throws InvalidInputException {@code fileName} / {@code media.file-name} for a path, a control or bidi-control
     *                               character, a reserved device name, a name of dots, or one too long
     */
    public static String display(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw refused(raw, "A file name has at most " + MAX_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(FileNames::isHidden)) {
            throw refused(raw, "A file name may not contain control or invisible formatting characters.");
        }
        if (FORBIDDEN.matcher(name).find()) {
            throw refused(raw, "A file name may not name a folder or contain / \\ < > : \" | ? *.");
        }
        if (name.startsWith(".") || name.endsWith(".") || name.startsWith(" ") || name.endsWith(" ")) {
            throw refused(raw, "A file name may not start or end with a dot or a space.");
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).trim().toLowerCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            throw refused(raw, "'" + base + "' is a reserved device name.");
        }
        return name;
    }

    /** An ASCII name safe on any file system, keeping {@code name}'s extension when it has an ASCII one. */
    public static String storage(String name, String sha256) {
        String extension = "";
        if (name != null) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                String candidate = name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (candidate.matches("[a-z0-9]{1,10}")) {
                    extension = "." + candidate;
                }
            }
        }
        String base =
                name == null ? "" : UNSAFE_STORAGE.matcher(stripExtension(name)).replaceAll("_");
        base = base.replaceAll("^[._]+|[._]+$", "");
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        String prefix = base.isEmpty() ? "" : base + "-";
        return prefix + sha256.substring(0, 12) + extension;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static InvalidInputException refused(String raw, String message) {
        return InvalidInputException.field(FIELD, INVALID, message, raw);
    }
}
