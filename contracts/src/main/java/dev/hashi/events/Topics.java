package dev.hashi.events;

/** Kafka topic names. Each service publishes only to its own topic; failed records go to {@code <topic>.dlt}. */
public final class Topics {

    public static final String CONTENT = "cms.content.events";
    public static final String TRANSLATION = "cms.translation.events";
    public static final String MEDIA = "cms.media.events";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The dead-letter topic for {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The topic for an event type, by its owner prefix ({@code content.}, {@code translation.}, {@code media.}).
     *
     * @throws IllegalArgumentException for a type with no known owner
     */
    public static String forType(String type) {
        if (type.startsWith("content.")) {
            return CONTENT;
        }
        if (type.startsWith("translation.")) {
            return TRANSLATION;
        }
        if (type.startsWith("media.")) {
            return MEDIA;
        }
        throw new IllegalArgumentException("event type has no owning topic: " + type);
    }
}
