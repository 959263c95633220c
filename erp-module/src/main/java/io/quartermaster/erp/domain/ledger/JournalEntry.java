package io.quartermaster.erp.domain.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of the general ledger, with its {@link JournalLine}s. Written once and never
 * changed: no field is updatable, the database refuses UPDATE and DELETE and checks at commit
 * that the entry balances. Automatic entries (one per source event) are written in batches by
 * native SQL ({@code Journal.postAll}); manual entries and reversals are created here.
 */
@Entity
@Table(name = "journal_entry", schema = "erp")
public class JournalEntry {

    /** How an entry came to be: posted from an event, by hand, or as the reversal of another. */
    public enum Kind { AUTO, MANUAL, REVERSAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_date", nullable = false, updatable = false)
    private LocalDate entryDate;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(nullable = false, updatable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "source_event_id", updatable = false)
    private UUID sourceEventId;

    @Column(name = "source_type", updatable = false)
    private String sourceType;

    @Column(updatable = false)
    private Long reverses;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String note;

    protected JournalEntry() {
    }

    private JournalEntry(LocalDate entryDate, Instant postedAt, String description, Kind kind, Long reverses,
                         String actor, String reason) {
        this.entryDate = entryDate;
        this.postedAt = postedAt;
        this.description = description;
        this.kind = kind;
        this.reverses = reverses;
        this.actor = actor;
        this.reason = reason;
    }

    /** An entry made by hand; its reason is its description. */
    public static JournalEntry manual(LocalDate date, String description, String actor, Instant at) {
        return new JournalEntry(date, at, description, Kind.MANUAL, null, actor, description);
    }

    /** The entry that undoes {@code original}, dated {@code date} (an open period), with why. */
    public static JournalEntry reversalOf(JournalEntry original, LocalDate date, String actor, String reason, Instant at) {
        return new JournalEntry(date, at, "Reversal of entry " + original.id + ": " + original.description,
                Kind.REVERSAL, original.id, actor, reason);
    }

    public Long id() {
        return id;
    }

    public LocalDate entryDate() {
        return entryDate;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    public UUID sourceEventId() {
        return sourceEventId;
    }

    public String sourceType() {
        return sourceType;
    }

    public Long reverses() {
        return reverses;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public String note() {
        return note;
    }
}
