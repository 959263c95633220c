package io.quartermaster.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the probe consumer's effects (one row per handled event) and counts rows by event id. */
public final class ProbeEffects {

    private ProbeEffects() {
    }

    /** How many effects each of {@code ids} has; an id without effects is absent. */
    public static Map<UUID, Integer> of(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select event_id, count(*) from it_probe.effect where event_id = any(?) group by event_id")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put((UUID) rs.getObject(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** A {@code count(*)} query whose only parameter is the array of event ids. */
    public static long count(Connection c, String sql, List<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
