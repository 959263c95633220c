package io.quartermaster.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A ledger report as a table, the one shape behind its page, its CSV (API and page export) and its
 * PDF: a title, what it covers ("as of 2026-11-28"), column names, the rows, and the total rows
 * that close it. Cells are strings, numbers ({@code BigDecimal}, {@code Integer}) or dates.
 */
public record Report(String title, String scope, String filename, List<String> header, List<List<Object>> rows,
                     List<List<Object>> totals, List<Line> statement) {

    public Report {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        statement = List.copyOf(statement);
    }

    public Report(String title, String scope, String filename, List<String> header, List<List<Object>> rows,
                  List<List<Object>> totals) {
        this(title, scope, filename, header, rows, totals, List.of());
    }

    /**
     * How a statement (balance sheet, income statement) reads on the page and in the PDF: section
     * headings, the accounts indented under them, a subtotal per section, the result at the foot. The
     * CSV keeps the flat rows, one per account, for spreadsheets and the API.
     */
    public record Line(Style style, String label, java.math.BigDecimal amount) {

        public enum Style { SECTION, ACCOUNT, SUBTOTAL, RESULT }

        public String styleClass() {
            return "qm-statement-" + style.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True when the page and the PDF show this report as a statement rather than as its table. */
    public boolean isStatement() {
        return !statement.isEmpty();
    }

    /** Rows then totals: what a spreadsheet gets. */
    public List<List<Object>> records() {
        List<List<Object>> all = new ArrayList<>(rows);
        all.addAll(totals);
        return all;
    }

    /** Which column holds numbers (right-aligned on the page and in the PDF). */
    public boolean numeric(int column) {
        return records().stream().map(r -> r.get(column)).filter(c -> c != null && !"".equals(c))
                .findFirst().map(c -> c instanceof Number).orElse(false);
    }

    /** The column's heading for people (page and PDF): {@code stockValuation} → "Stock Valuation". The CSV keeps the names. */
    public String heading(int column) {
        return words(header.get(column));
    }

    /** An identifier in words, title case: {@code inventoryAccountBalance} → "Inventory Account Balance". */
    public static String words(String identifier) {
        StringBuilder words = new StringBuilder(identifier.length() + 8);
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (i == 0) {
                words.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c) && !Character.isUpperCase(identifier.charAt(i - 1))) {
                words.append(' ').append(c);
            } else if (c == '_' || c == '-') {
                words.append(' ');
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }

    /**
     * A cell for people: amounts with thousands separators and two decimals ("9,999,954.00",
     * "-4.00", "0.00" — zero like any other amount), unit counts with separators (ids as they are), dates as "28 Nov 2026".
     * The CSV keeps the plain values.
     */
    public static String text(Object cell) {
        if (cell instanceof java.math.BigDecimal amount) {
            java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK));
            format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
            return format.format(amount);
        }
        if (cell instanceof Integer) {
            // quantities; ids (entry numbers) are longs and stay as they are written elsewhere
            return java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(cell);
        }
        if (cell instanceof java.time.LocalDate date) {
            return day(date);
        }
        return cell == null ? "" : String.valueOf(cell);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    /** "28 Nov 2026": a date as the pages and the PDFs show it. */
    public static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    /** Cells may be absent (null) in the facades' answers; in a table they are empty. */
    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        return row;
    }
}
