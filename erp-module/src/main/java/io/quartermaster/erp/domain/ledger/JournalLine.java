package io.quartermaster.erp.domain.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** A debit or a credit (never both, never neither) of one account in a {@link JournalEntry}. */
@Entity
@Table(name = "journal_line", schema = "erp")
@IdClass(JournalLine.Key.class)
public class JournalLine {

    /** The line's key: its entry and its number in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private long entryId;
        private int lineNo;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.entryId == entryId && key.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, lineNo);
        }
    }

    @Id
    @Column(name = "entry_id")
    private long entryId;

    @Id
    @Column(name = "line_no")
    private int lineNo;

    @Column(nullable = false, updatable = false)
    private String account;

    @Column(nullable = false, updatable = false)
    private BigDecimal debit;

    @Column(nullable = false, updatable = false)
    private BigDecimal credit;

    protected JournalLine() {
    }

    public JournalLine(JournalEntry entry, int lineNo, Posting posting) {
        this.entryId = entry.id();
        this.lineNo = lineNo;
        this.account = posting.account();
        this.debit = posting.debit();
        this.credit = posting.credit();
    }

    public long entryId() {
        return entryId;
    }

    public String account() {
        return account;
    }

    public BigDecimal debit() {
        return debit;
    }

    public BigDecimal credit() {
        return credit;
    }
}
