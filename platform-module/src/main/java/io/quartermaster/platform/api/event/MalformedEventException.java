package io.quartermaster.platform.api.event;

/** A message on the event topic that cannot be read as an event; it is never retried into success. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
