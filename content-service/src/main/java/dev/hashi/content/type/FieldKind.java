package dev.hashi.content.type;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a field holds. Only text and rich text may be localized. The list kinds hold an ordered list of distinct ids
 * (entries or media assets); like the single references they are locale-independent, stored once per entry.
 */
public enum FieldKind {
    @JsonProperty("text")
    TEXT("text"),
    @JsonProperty("richtext")
    RICHTEXT("richtext"),
    @JsonProperty("date")
    DATE("date"),
    @JsonProperty("number")
    NUMBER("number"),
    @JsonProperty("boolean")
    BOOLEAN("boolean"),
    @JsonProperty("reference")
    REFERENCE("reference"),
    @JsonProperty("reference-list")
    REFERENCE_LIST("reference-list"),
    @JsonProperty("media")
    MEDIA("media"),
    @JsonProperty("media-list")
    MEDIA_LIST("media-list"),
    @JsonProperty("components")
    COMPONENTS("components");

    private final String wireName;

    FieldKind(String wireName) {
        this.wireName = wireName;
    }

    public boolean isText() {
        return this == TEXT || this == RICHTEXT;
    }

    /** Whether the field refers to other entries (one or a list). */
    public boolean refersToEntries() {
        return this == REFERENCE || this == REFERENCE_LIST;
    }

    /** Whether the field refers to media assets (one or a list). */
    public boolean refersToMedia() {
        return this == MEDIA || this == MEDIA_LIST;
    }

    /** Whether a value is a list of ids rather than one value. */
    public boolean isList() {
        return this == REFERENCE_LIST || this == MEDIA_LIST;
    }

    /** The name on the wire, e.g. {@code media-list}. */
    public String wireName() {
        return wireName;
    }
}
