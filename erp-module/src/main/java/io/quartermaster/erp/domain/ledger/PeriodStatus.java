package io.quartermaster.erp.domain.ledger;

/**
 * An accounting month: OPEN takes postings; CLOSED takes none (an automatic entry dated in it is
 * booked on the first day of the next open month; a manual one is refused). A month with no row is
 * open. Stored by name in {@code erp.period.status}.
 */
public enum PeriodStatus { OPEN, CLOSED }
