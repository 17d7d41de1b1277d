package dev.hashi.media.asset;

/** The localizable metadata of an asset, with the longest text each accepts (in code points). */
public enum MetadataField {
    TITLE("title", 300),
    ALT("alt", 1_000),
    CAPTION("caption", 4_000);

    private final String wire;
    private final int maxLength;

    MetadataField(String wire, int maxLength) {
        this.wire = wire;
        this.maxLength = maxLength;
    }

    public String wire() {
        return wire;
    }

    public int maxLength() {
        return maxLength;
    }
}
