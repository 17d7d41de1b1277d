package dev.hashi.content.type;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content type as stored.
 *
 * @param key        stable key, e.g. {@code presentation}
 * @param component  component types only exist as items of another entry's component list
 * @param titleField the text field that titles an entry (slugs and lists use it); may be {@code null}
 * @param version    increases with every change
 * @param publishPolicy per locale tag (or {@code *} for every locale not named): {@code manual} (an editor
 *                   publishes) or {@code auto} (an approved translation that lands in a published locale with nothing
 *                   else pending publishes it); empty means manual everywhere
 */
public record ContentType(
        String key,
        String name,
        boolean component,
        String titleField,
        List<FieldDefinition> fields,
        long version,
        Instant updatedAt,
        String updatedBy,
        Map<String, String> publishPolicy) {

    /** Editors publish. */
    public static final String MANUAL = "manual";
    /** Approved translations publish a published locale by themselves. */
    public static final String AUTO = "auto";

    public ContentType {
        publishPolicy = publishPolicy == null ? Map.of() : Map.copyOf(publishPolicy);
    }

    /** A type that leaves publishing to editors. */
    public ContentType(
            String key,
            String name,
            boolean component,
            String titleField,
            List<FieldDefinition> fields,
            long version,
            Instant updatedAt,
            String updatedBy) {
        this(key, name, component, titleField, fields, version, updatedAt, updatedBy, Map.of());
    }

    /** The publish policy of {@code locale}: its own, else the one for {@code *}, else manual. */
    public String publishPolicy(String locale) {
        return publishPolicy.getOrDefault(locale, publishPolicy.getOrDefault("*", MANUAL));
    }

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
}
