package io.quartermaster.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static Report trialBalance(int accounts) {
        List<List<Object>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < accounts; i++) {
            BigDecimal amount = new BigDecimal("10.25").multiply(BigDecimal.valueOf(i + 1));
            rows.add(Report.row(String.valueOf(1000 + i), "Account, \"quoted\" " + i, "ASSET", amount, BigDecimal.ZERO));
            total = total.add(amount);
        }
        return new Report("Trial balance", "as of " + LocalDate.of(2026, 11, 28), "trial-balance-2026-11-28",
                List.of("account", "name", "type", "debit", "credit"), rows,
                List.of(Report.row("TOTAL", "", "", total, BigDecimal.ZERO)));
    }

    @Test
    void csvHasTheHeaderEveryRowAndTheTotalsLastWithCommasAndQuotesIntact() throws IOException {
        Report report = trialBalance(3);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Csv.of(report))).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(1).get("name")).isEqualTo("Account, \"quoted\" 1");
        assertThat(records.get(3).get("account")).isEqualTo("TOTAL");
        assertThat(new BigDecimal(records.get(3).get("debit"))).isEqualByComparingTo("61.50");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasAreWrittenAsTextAndNegativeNumbersStayNumbers() throws IOException {
        Report report = new Report("Journal", "all dates", "journal", List.of("description", "amount"),
                List.of(Report.row("=HYPERLINK(\"http://evil\")", new BigDecimal("-4.00")), Report.row("+1", BigDecimal.ONE),
                        Report.row("-2+3", BigDecimal.ONE), Report.row("@SUM(A1)", BigDecimal.ONE), Report.row("\tx", BigDecimal.ONE),
                        Report.row("\rx", BigDecimal.ONE), Report.row("Sale, order 1", BigDecimal.ONE)), List.of());
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Csv.of(report))).getRecords();
        assertThat(records).extracting(r -> r.get("description")).containsExactly("'=HYPERLINK(\"http://evil\")", "'+1",
                "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "Sale, order 1");
        assertThat(records.get(0).get("amount")).isEqualTo("-4.00");
    }

    @Test
    void absentCellsAreEmptyAndNumbersAreRecognisedPerColumn() {
        List<Object> row = Report.row("a", null, BigDecimal.ONE);
        assertThat(row).containsExactly("a", "", BigDecimal.ONE);
        Report report = trialBalance(2);
        assertThat(report.numeric(0)).isFalse();
        assertThat(report.numeric(3)).isTrue();
        assertThat(report.records()).hasSize(3);
    }

    @Test
    void pdfCarriesTheTitleTheScopeEveryRowAndTheTotalsOverSeveralPages() throws IOException {
        Report report = trialBalance(120);
        byte[] pdf = Pdf.of(report, "accountant-1");
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(text).contains("Trial balance").contains("as of 2026-11-28").contains("accountant-1")
                    .contains("1119").contains("TOTAL").contains("74,415.00").contains("Debit");
        } finally {
            reader.close();
        }
    }

    @Test
    void headingsAreWordsAndCellsAreWrittenForPeople() {
        assertThat(Report.words("inventoryAccountBalance")).isEqualTo("Inventory Account Balance");
        assertThat(Report.words("debit")).isEqualTo("Debit");
        assertThat(Report.words("sourceEventId")).isEqualTo("Source Event Id");
        assertThat(Report.text(new BigDecimal("9999954.00"))).isEqualTo("9,999,954.00");
        assertThat(Report.text(BigDecimal.ZERO)).isEqualTo("0.00");
        assertThat(Report.text(new BigDecimal("-4"))).isEqualTo("-4.00");
        assertThat(Report.text(12000)).isEqualTo("12,000");
        assertThat(Report.text(123456L)).isEqualTo("123456");
        assertThat(Report.text(LocalDate.of(2026, 11, 28))).isEqualTo("28 Nov 2026");
        assertThat(Report.text("1000")).isEqualTo("1000");
    }
}
