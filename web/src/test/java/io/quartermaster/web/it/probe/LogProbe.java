package io.quartermaster.web.it.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test deployment only: what the server logs at WARNING and above while a test runs, as the
 * operator's console would show it. {@code POST /it/log/start} begins recording (records that
 * pass their logger's level, as every handler sees them), {@code GET /it/log} answers one line per
 * record — {@code lines<TAB>level<TAB>logger<TAB>first line of the message} where {@code lines} is
 * how many lines the record prints, its stack trace included — and {@code POST /it/log/stop} ends it.
 */
@WebServlet("/it/log/*")
public class LogProbe extends HttpServlet {

    private static final List<String> RECORDS = new CopyOnWriteArrayList<>();

    private static final Handler RECORDER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return;
            }
            String message = String.valueOf(record.getMessage());
            int lines = (int) message.lines().count();
            for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                lines += 1 + t.getStackTrace().length;
            }
            RECORDS.add(lines + "\t" + record.getLevel() + "\t" + record.getLoggerName() + "\t"
                    + message.lines().findFirst().orElse(""));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Logger root = Logger.getLogger("");
        root.removeHandler(RECORDER);
        RECORDS.clear();
        if ("/start".equals(request.getPathInfo())) {
            root.addHandler(RECORDER);
        }
        response.setStatus(204);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.join("\n", RECORDS));
    }
}
