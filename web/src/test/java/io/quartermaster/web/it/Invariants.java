package io.quartermaster.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The invariant checker of {@code ./quartermaster check}, over HTTP, as the set of violations it
 * reports. The test database is shared by all test classes, and some of them write rows the
 * checker rightly objects to (in-container tests that sell stock without an order); a test that
 * wants "the system is still whole after me" compares with what was there before it.
 */
final class Invariants {

    private Invariants() {
    }

    static Set<String> violations() throws Exception {
        JsonObject report = Http.get("/api/v1/admin/invariants", Http.admin()).json();
        Set<String> found = new HashSet<>();
        for (JsonValue check : report.getJsonArray("checks")) {
            JsonObject c = check.asJsonObject();
            c.getJsonArray("violations").forEach(v -> found.add(c.getString("rule") + ": " + v));
        }
        return found;
    }

    /** Waits (events in flight settle) until no violation is reported that was not in {@code before}. */
    static void noneBeyond(Set<String> before) throws Exception {
        Set<String> now = Poll.until(Invariants::violations, v -> before.containsAll(v), Duration.ofSeconds(60),
                "no invariant violation beyond those before the test");
        now.removeAll(before);
        if (!now.isEmpty()) {
            throw new AssertionError("new invariant violations: " + now);
        }
    }
}
