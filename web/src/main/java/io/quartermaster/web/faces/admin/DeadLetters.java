package io.quartermaster.web.faces.admin;

import io.quartermaster.platform.api.messaging.DeadLetter;
import io.quartermaster.platform.api.messaging.DeadLetterFacade;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.faces.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Events a consumer gave up on after its delivery attempts: what failed and why; send one back to
 * its consumer (after the cause is fixed) or discard it.
 */
@Named
@ViewScoped
public class DeadLetters implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DeadLetterFacade deadLetters;

    private List<DeadLetter> letters;
    private DeadLetter selected;

    @PostConstruct
    void load() {
        letters = deadLetters.list();
    }

    public void select(DeadLetter letter) {
        selected = letter;
    }

    public void retry(DeadLetter letter) {
        act(() -> deadLetters.retry(letter.id()), "Sent " + letter.type() + " back to " + letter.consumer() + ".");
    }

    public void discard(DeadLetter letter) {
        act(() -> deadLetters.discard(letter.id()), "Discarded " + letter.type() + " " + letter.eventId() + ".");
    }

    private void act(BooleanSupplier action, String done) {
        Feedback.succeeds("letters", () -> {
            if (!action.getAsBoolean()) {
                throw new ProblemException(404, "Not found", "That dead letter is gone (retried or discarded meanwhile).");
            }
            return null;
        }, done);
        selected = null;
        load();
    }

    public List<DeadLetter> getLetters() {
        return letters;
    }

    public DeadLetter getSelected() {
        return selected;
    }
}
