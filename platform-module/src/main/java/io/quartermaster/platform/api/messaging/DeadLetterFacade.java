package io.quartermaster.platform.api.messaging;

import java.util.List;

/** The dead-letter address as the back office and the admin API see it. */
public interface DeadLetterFacade {

    List<DeadLetter> list();

    /** Sends the message back to the subscription it failed in; false when there is no such dead letter. */
    boolean retry(String id);

    /** Removes the message for good; false when there is no such dead letter. */
    boolean discard(String id);
}
