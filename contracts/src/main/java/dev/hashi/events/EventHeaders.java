package dev.hashi.events;

/**
 * Names of the Kafka record headers an event travels with, beside its envelope. Header values are UTF-8 text.
 */
public final class EventHeaders {

    /** The envelope's {@code eventId}. */
    public static final String EVENT_ID = "eventId";

    /** The envelope's {@code type}. */
    public static final String EVENT_TYPE = "eventType";

    /** The request id of the request that caused the event (the envelope's {@code traceId}); absent if none. */
    public static final String REQUEST_ID = "traceId";

    /**
     * The W3C trace context ({@code 00-<trace id>-<span id>-<flags>}) of the work that caused the event, so a
     * consumer continues the same trace; absent when tracing was off when the event was written.
     */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {}
}
