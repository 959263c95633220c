package io.quartermaster.web.it;

import io.quartermaster.launcher.EmbeddedBroker;
import io.quartermaster.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The integration tests' real services: a PostgreSQL and an Artemis broker started once per
 * test run, before Arquillian starts Payara Micro (which finds them through the
 * {@code DB_URL} / {@code JMS_URL} that the build sets). The broker runs in this JVM so that
 * tests can stop and restart it. Active only under Failsafe ({@code qm.it=true}).
 */
public class TestServices implements LauncherSessionListener {

    /** Few attempts and short delays so that a poison message reaches the dead-letter address quickly. */
    public static final int MAX_DELIVERY_ATTEMPTS = 3;

    private static EmbeddedDatabase database;
    private static EmbeddedBroker broker;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("qm.it") || database != null) {
            return;
        }
        try {
            Path data = Path.of(System.getProperty("qm.it.data"));
            deleteRecursively(data);
            database = EmbeddedDatabase.start(data.resolve("postgres"), Integer.getInteger("qm.it.db.port"), false);
            broker = new EmbeddedBroker(data.resolve("artemis"), Integer.getInteger("qm.it.jms.port"),
                    MAX_DELIVERY_ATTEMPTS, 200).start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test services: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (broker != null) {
                broker.stop();
            }
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            broker = null;
            database = null;
        }
    }

    public static EmbeddedBroker broker() {
        return broker;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    /** The first column of the first row of a query on the test database (a count, a sum, a number). */
    public static long scalar(String query) throws SQLException {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(query)) {
            if (!r.next()) {
                throw new SQLException("no row from " + query);
            }
            return r.getLong(1);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
