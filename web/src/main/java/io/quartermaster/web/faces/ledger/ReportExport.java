package io.quartermaster.web.faces.ledger;

import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.report.Csv;
import io.quartermaster.web.report.LedgerReports;
import io.quartermaster.web.report.LedgerReports.Kind;
import io.quartermaster.web.report.Pdf;
import io.quartermaster.web.report.Report;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * The accounting pages' download links: {@code /accounting/export?report=trial-balance&format=pdf&asOf=…}.
 * A plain GET without effects, so it needs no view state; who may fetch it is the {@code /accounting/*}
 * security constraint in web.xml.
 */
@WebServlet("/accounting/export")
public class ReportExport extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReportExport.class.getName());

    @Inject
    LedgerReports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Report report;
        String format = request.getParameter("format");
        try {
            if (!"csv".equals(format) && !"pdf".equals(format)) {
                throw ProblemException.invalidField("format", "csv or pdf");
            }
            report = reports.build(new LedgerReports.Request(Kind.of(request.getParameter("report")),
                    date(request, "asOf"), date(request, "from"), date(request, "to"), request.getParameter("account")));
        } catch (ProblemException e) {
            response.setStatus(e.status());
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().write(e.getMessage());
            return;
        }
        String user = request.getRemoteUser();
        LOG.info(() -> user + " exported " + report.title() + " (" + report.scope() + ") as " + format);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + report.filename() + "." + format + "\"");
        response.setHeader("Cache-Control", "no-store");
        if ("csv".equals(format)) {
            response.setContentType(Csv.MEDIA_TYPE);
            response.getOutputStream().write(Csv.of(report).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(Pdf.MEDIA_TYPE);
            response.getOutputStream().write(Pdf.of(report, user));
        }
    }

    /** The download link of a report as the page shows it, in {@code format} (csv or pdf); absent parameters are left out. */
    static String link(String contextPath, LedgerReports.Request report, String format) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("report", report.kind().slug());
        query.put("format", format);
        query.put("asOf", report.asOf());
        query.put("from", report.from());
        query.put("to", report.to());
        query.put("account", report.account());
        return contextPath + "/accounting/export?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static LocalDate date(HttpServletRequest request, String field) {
        return LedgerReports.date(field, request.getParameter(field));
    }
}
