package dev.hashi.media.asset;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.locale.LocaleInput;

/**
 * Turns requests into validated domain values: locales checked against the supported ones, texts within their
 * length, availability members only where its state allows them. Every invalid value is reported at once.
 */
final class AssetInput {

    /** The longest contact text accepted (code points). */
    static final int MAX_CONTACT_TEXT = 2_000;

    private final LocaleInput locales;
    private final List<FieldError> errors = new ArrayList<>();

    private AssetInput(LocaleInput locales) {
        this.locales = locales;
    }

    /** The draft of a new asset. */
    static AssetDraft create(LocaleInput locales, AssetCreateRequest request) {
        AssetInput input = new AssetInput(locales);
        AssetKind kind = input.kind(request.kind());
        Map<MetadataField, Map<String, LocalizedText>> metadata = new EnumMap<>(MetadataField.class);
        metadata.put(MetadataField.TITLE, input.texts(MetadataField.TITLE, request.title(), false));
        metadata.put(MetadataField.ALT, input.texts(MetadataField.ALT, request.alt(), false));
        metadata.put(MetadataField.CAPTION, input.texts(MetadataField.CAPTION, request.caption(), false));
        Availability availability = input.availability(request.availability());
        input.throwIfInvalid();
        return new AssetDraft(kind, metadata, availability);
    }

    /** The change a patch asks for. */
    static AssetChange change(LocaleInput locales, AssetPatchRequest request) {
        AssetInput input = new AssetInput(locales);
        AssetKind kind = request.kind() == null ? null : input.kind(request.kind());
        Map<MetadataField, Map<String, LocalizedText>> metadata = new EnumMap<>(MetadataField.class);
        metadata.put(MetadataField.TITLE, input.texts(MetadataField.TITLE, request.title(), true));
        metadata.put(MetadataField.ALT, input.texts(MetadataField.ALT, request.alt(), true));
        metadata.put(MetadataField.CAPTION, input.texts(MetadataField.CAPTION, request.caption(), true));
        Availability availability = input.availability(request.availability());
        input.throwIfInvalid();
        return new AssetChange(kind, metadata, availability);
    }

    /** A validated kind filter, {@code null} when absent. */
    static AssetKind kindFilter(String value) {
        return value == null || value.isBlank() ? null : AssetKind.parse("kind", value);
    }

    /** A validated availability filter, {@code null} when absent. */
    static AvailabilityState availabilityFilter(String value) {
        return value == null || value.isBlank() ? null : AvailabilityState.parse("availability", value);
    }

    /**
     * A validated {@code true}/{@code false} filter, {@code null} when absent.
     *
     * @throws InvalidInputException {@code field} / {@code format} for anything else
     */
    static Boolean booleanFilter(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default ->
                throw InvalidInputException.field(
                        field, ProblemCodes.FIELD_FORMAT, field + " must be true or false.", value);
        };
    }

    private AssetKind kind(String value) {
        return guarded(() -> AssetKind.parse("kind", value));
    }

    /** Texts by canonical locale tag; with {@code removable}, a {@code null} text stays as a removal. */
    private Map<String, LocalizedText> texts(
            MetadataField field, Map<String, LocalizedTextInput> given, boolean removable) {
        return texts(field.wire(), field.maxLength(), given, removable);
    }

    private Map<String, LocalizedText> texts(
            String field, int maxLength, Map<String, LocalizedTextInput> given, boolean removable) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        if (given == null) {
            return texts;
        }
        given.forEach((locale, input) -> {
            String path = field + "." + locale;
            String tag = guarded(() -> locales.require(field, locale).tag());
            if (tag == null) {
                return;
            }
            if (input == null) {
                if (removable) {
                    texts.put(tag, null);
                } else {
                    errors.add(FieldError.of(path, ProblemCodes.FIELD_REQUIRED, "A text is required."));
                }
                return;
            }
            if (input.text() == null || input.text().isBlank()) {
                errors.add(FieldError.of(path + ".text", ProblemCodes.FIELD_REQUIRED, "A text is required."));
                return;
            }
            if (input.text().codePointCount(0, input.text().length()) > maxLength) {
                errors.add(FieldError.of(
                        path + ".text", ProblemCodes.FIELD_RANGE, "At most " + maxLength + " characters."));
                return;
            }
            String origin = input.origin() == null
                    ? tag
                    : guarded(() ->
                            locales.require(path + ".origin", input.origin()).tag());
            if (origin != null) {
                texts.put(tag, new LocalizedText(input.text(), origin));
            }
        });
        return texts;
    }

    private Availability availability(AvailabilityInput input) {
        if (input == null) {
            return null;
        }
        AvailabilityState state = guarded(() -> AvailabilityState.parse("availability.state", input.state()));
        if (state == null) {
            return null;
        }
        Map<String, LocalizedText> contactText =
                texts("availability.contactText", MAX_CONTACT_TEXT, input.contactText(), false);
        LocalDate expectedAt = null;
        if (input.expectedAt() != null) {
            try {
                expectedAt = LocalDate.parse(input.expectedAt());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(
                        "availability.expectedAt",
                        ProblemCodes.FIELD_FORMAT,
                        "An ISO-8601 date such as 2026-12-24.",
                        input.expectedAt()));
            }
        }
        if (state == AvailabilityState.ON_REQUEST
                && (input.contactText() == null || input.contactText().isEmpty())) {
            errors.add(FieldError.of(
                    "availability.contactText",
                    ProblemCodes.FIELD_REQUIRED,
                    "An asset on request says whom to ask, in some locale."));
        }
        if (state != AvailabilityState.ON_REQUEST
                && (input.contactText() != null && !input.contactText().isEmpty() || input.contactEntryId() != null)) {
            errors.add(mismatch("availability.contactText", state));
        }
        if (state != AvailabilityState.PENDING && input.expectedAt() != null) {
            errors.add(mismatch("availability.expectedAt", state));
        }
        return new Availability(state, contactText, blankToNull(input.contactEntryId()), expectedAt);
    }

    private static FieldError mismatch(String field, AvailabilityState state) {
        return FieldError.of(field, "availability.mismatch", "Not allowed with state " + state.wire() + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The value {@code parse} makes, or {@code null} after recording its field errors. */
    private <T> T guarded(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A new asset's validated values. */
    record AssetDraft(
            AssetKind kind, Map<MetadataField, Map<String, LocalizedText>> metadata, Availability availability) {}
}
