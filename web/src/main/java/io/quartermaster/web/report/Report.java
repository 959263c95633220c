package io.quartermaster.web.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A ledger report as a table, the one shape behind its page, its CSV (API and page export) and its
 * PDF: a title, what it covers ("as of 2026-11-28"), column names, the rows, and the total rows
 * that close it. Cells are strings, numbers ({@code BigDecimal}, {@code Integer}) or dates.
 */
public record Report(String title, String scope, String filename, List<String> header, List<List<Object>> rows,
                     List<List<Object>> totals) {

    public Report {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
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

    /** Cells may be absent (null) in the facades' answers; in a table they are empty. */
    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        return row;
    }
}
