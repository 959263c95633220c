package io.quartermaster.platform.api.tx;

import java.time.Instant;

/**
 * The database's clock, for rules that several instances must agree on (hold expiry, when an
 * event is due, when a payment began): each instance's own clock may run ahead or behind, the
 * database's is one for all of them. Inside a transaction it answers the transaction's start
 * time ({@code now()}), so every decision of one transaction — one batch — uses the same instant.
 */
public interface DatabaseClock {

    Instant now();
}
