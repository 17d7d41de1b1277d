package dev.hashi.content.type;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a field holds. Only text and rich text may be localized. */
public enum FieldKind {
    @JsonProperty("text")
    TEXT,
    @JsonProperty("richtext")
    RICHTEXT,
    @JsonProperty("date")
    DATE,
    @JsonProperty("number")
    NUMBER,
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("reference")
    REFERENCE,
    @JsonProperty("media")
    MEDIA,
    @JsonProperty("components")
    COMPONENTS;

    public boolean isText() {
        return this == TEXT || this == RICHTEXT;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
