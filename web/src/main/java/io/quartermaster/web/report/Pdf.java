package io.quartermaster.web.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reports as PDF for filing and printing (OpenPDF): title, scope, the table with its header repeated on every page, totals in bold. */
public final class Pdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, Color.WHITE);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font TOTAL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Color HEAD_BACKGROUND = new Color(0x33, 0x41, 0x55);
    private static final Color TOTAL_BACKGROUND = new Color(0xE2, 0xE8, 0xF0);

    private Pdf() {
    }

    public static byte[] of(Report report, String generatedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean wide = report.header().size() > 5;
        Document document = new Document(wide ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.addCreator("Quartermaster");
        document.open();
        document.add(new Paragraph(report.title(), TITLE));
        document.add(new Paragraph(report.scope() + " · generated "
                + ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + " by " + generatedBy, SMALL));
        document.add(new Paragraph(" ", SMALL));

        if (report.isStatement()) {
            document.add(statement(report));
            document.close();
            return out.toByteArray();
        }
        int columns = report.header().size();
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (int h = 0; h < report.header().size(); h++) {
            PdfPCell cell = new PdfPCell(new Phrase(report.heading(h), HEAD));
            cell.setBackgroundColor(HEAD_BACKGROUND);
            cell.setPadding(4);
            table.addCell(cell);
        }
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = report.numeric(c);
        }
        add(table, report.rows(), numeric, CELL, null);
        add(table, report.totals(), numeric, TOTAL, TOTAL_BACKGROUND);
        document.add(table);
        if (report.rows().isEmpty()) {
            document.add(new Paragraph("No rows.", CELL));
        }
        document.close();
        return out.toByteArray();
    }

    /** A statement as an accountant lays it out: section headings, indented accounts, ruled subtotals, the result. */
    private static PdfPTable statement(Report report) {
        PdfPTable table = new PdfPTable(new float[] {3, 1});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : List.of("Account", "Amount")) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, HEAD));
            cell.setBackgroundColor(HEAD_BACKGROUND);
            cell.setPadding(4);
            if (heading.equals("Amount")) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(cell);
        }
        for (Report.Line line : report.statement()) {
            Font font = line.style() == Report.Line.Style.ACCOUNT ? CELL : TOTAL;
            PdfPCell label = new PdfPCell(new Phrase(line.label(), font));
            PdfPCell amount = new PdfPCell(new Phrase(line.amount() == null ? "" : Report.text(line.amount()), font));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            for (PdfPCell cell : List.of(label, amount)) {
                cell.setPadding(3);
                cell.setBorder(Rectangle.NO_BORDER);
                if (line.style() == Report.Line.Style.SUBTOTAL) {
                    cell.setBorder(Rectangle.TOP);
                } else if (line.style() == Report.Line.Style.RESULT) {
                    cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
                    cell.setBorderWidthBottom(1.5f);
                    cell.setBackgroundColor(TOTAL_BACKGROUND);
                }
            }
            label.setPaddingLeft(line.style() == Report.Line.Style.ACCOUNT ? 18 : 3);
            if (line.style() == Report.Line.Style.SECTION) {
                label.setPaddingTop(8);
            }
            table.addCell(label);
            table.addCell(amount);
        }
        return table;
    }

    private static void add(PdfPTable table, List<List<Object>> rows, boolean[] numeric, Font font, Color background) {
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                PdfPCell cell = new PdfPCell(new Phrase(Report.text(row.get(c)), font));
                cell.setPadding(3);
                if (numeric[c]) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                if (background != null) {
                    cell.setBackgroundColor(background);
                }
                table.addCell(cell);
            }
        }
    }
}
