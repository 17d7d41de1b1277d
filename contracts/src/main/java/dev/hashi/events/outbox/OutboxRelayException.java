package dev.hashi.events.outbox;

/** Publishing a document's pending events failed; they remain pending and are retried on the next pass. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
