package io.quartermaster.erp.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An adjusting entry posted by an accountant; balanced, at least two lines, with a reason. */
public class ManualEntry {

    /** The day it is booked on; today when absent. */
    public LocalDate date;

    @NotBlank
    @Size(max = 500)
    public String description;

    @NotNull
    @Size(min = 2, max = 100, message = "at least two lines")
    public List<@NotNull @Valid Line> lines;

    public ManualEntry() {
    }

    public ManualEntry(LocalDate date, String description, List<Line> lines) {
        this.date = date;
        this.description = description;
        this.lines = lines;
    }

    public static class Line {

        @NotBlank
        public String account;

        @DecimalMin(value = "0", message = "must be zero or more")
        @Digits(integer = 12, fraction = 2, message = "at most 2 decimals")
        public BigDecimal debit;

        @DecimalMin(value = "0", message = "must be zero or more")
        @Digits(integer = 12, fraction = 2, message = "at most 2 decimals")
        public BigDecimal credit;

        public Line() {
        }

        public Line(String account, BigDecimal debit, BigDecimal credit) {
            this.account = account;
            this.debit = debit;
            this.credit = credit;
        }
    }
}
