package io.quartermaster.web.it.probe;

import io.quartermaster.platform.api.event.Outbox;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test deployment only: lets client-side tests (which control the broker) publish events
 * through the real outbox, each in its own committed transaction, and cure the probe.
 */
@WebServlet("/it/probe/*")
public class ProbeServlet extends HttpServlet {

    @Inject
    Outbox outbox;

    @Inject
    ProbeSwitch probeSwitch;

    @Resource
    UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo();
        if ("/cure".equals(action) || "/poison".equals(action)) {
            probeSwitch.cure("/cure".equals(action));
            response.setStatus(204);
            return;
        }
        if (!"/publish".equals(action)) {
            response.sendError(404);
            return;
        }
        int count = Integer.parseInt(request.getParameter("count"));
        String note = request.getParameter("note");
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                tx.begin();
                ids.add(outbox.publish(new ProbePinged(note + "-" + i)).eventId().toString());
                tx.commit();
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(String.join("\n", ids));
    }
}
