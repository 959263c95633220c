package io.quartermaster.web.faces.inventory;

import io.quartermaster.inventory.api.HoldId;
import io.quartermaster.inventory.api.HoldView;
import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Units held for checkouts that have not been paid yet, soonest expiry first; a stuck hold can be released by hand. */
@Named
@ViewScoped
public class Holds implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient InventoryFacade inventory;

    @Inject
    transient CurrentCaller caller;

    private List<HoldView> holds;

    @PostConstruct
    void load() {
        holds = inventory.activeHolds().stream()
                .sorted(java.util.Comparator.comparing(HoldView::expiresAt)).toList();
    }

    public void release(HoldView hold) {
        Feedback.attempt("holds", () -> inventory.releaseHold(new HoldId(hold.id()), caller.name()),
                "Released hold " + hold.id() + ": its units are available again.");
        load();
    }

    /** "in 4 min 10 s" or "expired 3 s ago" (the sweeper releases it within seconds). */
    public String expiry(HoldView hold) {
        Duration left = Duration.between(Instant.now(), hold.expiresAt());
        long s = Math.abs(left.getSeconds());
        String span = s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
        return left.isNegative() ? "expired " + span + " ago" : "in " + span;
    }

    public int units(HoldView hold) {
        return hold.lines().stream().mapToInt(HoldView.Line::quantity).sum();
    }

    public List<HoldView> getHolds() {
        return holds;
    }
}
