package io.quartermaster.web.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Reports as {@code text/csv} for accountants' spreadsheets: a header row, then one record per line, totals last. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    public static String of(Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(report.header().toArray(String[]::new)).get())) {
            for (List<Object> row : report.records()) {
                printer.printRecord(row.stream().map(Csv::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A text cell a spreadsheet would run as a formula (it begins with {@code = + - @}, a tab or a
     * carriage return — OWASP's CSV injection) gets a leading apostrophe, which spreadsheets show
     * as text. Numbers stay numbers: a negative amount is a {@code BigDecimal}, not text.
     */
    static Object inert(Object cell) {
        if (cell instanceof CharSequence text && text.length() > 0 && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
