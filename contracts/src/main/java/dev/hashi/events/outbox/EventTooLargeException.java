package dev.hashi.events.outbox;

/**
 * A change would produce an event larger than the platform's maximum event size, so it is refused before anything
 * is written: such an event could never be published and would hold up every later event of its aggregate.
 */
public class EventTooLargeException extends RuntimeException {

    private final String type;
    private final int size;
    private final int maximum;

    public EventTooLargeException(String type, int size, int maximum) {
        super("A " + type + " event of " + size + " bytes exceeds the maximum event size of " + maximum + " bytes");
        this.type = type;
        this.size = size;
        this.maximum = maximum;
    }

    public String type() {
        return type;
    }

    public int size() {
        return size;
    }

    public int maximum() {
        return maximum;
    }
}
