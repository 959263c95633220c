package io.quartermaster.platform.infrastructure.idempotency;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the instance that claimed an Idempotency-Key is still alive, as every instance can
 * tell at once and without agreeing on a clock: this instance holds a PostgreSQL session
 * advisory lock ({@link #LOCK_SPACE}, a random positive token) on a connection of its own,
 * and stamps its claims with the token. The lock dies with that session — the instance
 * SIGKILLed (its socket closes), PostgreSQL restarted, or a backend crash after which
 * PostgreSQL resets every session — so a retry that finds a claim whose token no session
 * holds knows the first attempt is dead and takes the key over ({@code JpaIdempotencyKeys}).
 *
 * <p>After losing its session the instance takes a <em>new</em> token: its claims from before
 * then count as dead. Requests that died in the reset (the usual case) are then retried at
 * once; one that survived it and runs on may meet its retry running beside it, which the
 * commands behind keys allow — a one-shot order's checkout id is derived from the key, a
 * capture is idempotent per checkout and only one confirm of a hold can win — exactly as
 * when a lease runs out on a slow request.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceLiveness {

    /** The first key of the two-key advisory lock ("QMID"); the second is the token. */
    static final int LOCK_SPACE = 0x514D4944;

    /** How often the session is checked; a lost one is replaced within about this long. */
    private static final long CHECK_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(InstanceLiveness.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "db.url")
    String url;

    @Inject
    @ConfigProperty(name = "db.user")
    String user;

    @Inject
    @ConfigProperty(name = "db.password")
    Optional<String> password;

    @Resource
    ManagedThreadFactory threads;

    private volatile Connection session;
    private volatile int token;
    private volatile boolean running;
    private Thread watchdog;
    private final java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);

    @PostConstruct
    void start() {
        running = true;
        // The session is taken on the watchdog's thread: one taken here would join the container's
        // start-up transaction. Until it holds one, claims carry token 0, which no session holds (a
        // retry takes them over at once): start-up waits a little for it.
        watchdog = threads.newThread(this::watch);
        watchdog.setName("instance-liveness");
        watchdog.start();
        try {
            taken.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        watchdog.interrupt();
        close();
    }

    /** The token this instance's claims carry now. */
    public int token() {
        return token;
    }

    /**
     * Takes a fresh token's lock on a connection of its own — straight from the driver, not the
     * pool: the pool would lend the lock on with the connection, and reset or drop it on its own
     * terms. The driver is the application's (the one the pool uses), found through its class loader.
     */
    private synchronized void take() throws SQLException {
        close();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "quartermaster-liveness");
        Connection c = driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("no JDBC driver accepts " + url);
        }
        try {
            int candidate;
            do {
                candidate = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
            } while (!tryLock(c, candidate));
            session = c;
            token = candidate;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Driver driver() throws SQLException {
        for (Driver d : ServiceLoader.load(Driver.class, InstanceLiveness.class.getClassLoader())) {
            if (d.getClass().getName().equals("org.postgresql.Driver")) {
                return d;
            }
        }
        throw new SQLException("the PostgreSQL JDBC driver is not on the application's class path");
    }

    private static boolean tryLock(Connection c, int candidate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, LOCK_SPACE);
            s.setInt(2, candidate);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private void watch() {
        boolean lost = true;
        int lostToken = 0;
        while (running) {
            if (!lost) {
                try {
                    Thread.sleep(CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (alive()) {
                    continue;
                }
                lostToken = token;
                token = 0; // until a new session holds a new token, claims are taken over at once
            }
            try {
                take();
                if (lostToken != 0) {
                    int was = lostToken;
                    int now = token;
                    LOG.info(() -> "Liveness session lost (token " + was + ") and taken again (token " + now
                            + "): Idempotency-Keys this instance claimed before are taken over by their retries at once");
                }
                lost = false;
                lostToken = 0;
                taken.countDown();
            } catch (SQLException e) {
                LOG.fine(() -> "No liveness session (" + e.getMessage() + "); trying again");
                lost = true;
                try {
                    Thread.sleep(CHECK_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private boolean alive() {
        Connection c = session;
        if (c == null) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private synchronized void close() {
        Connection c = session;
        session = null;
        if (c != null) {
            try {
                c.close(); // the session and its lock end with it
            } catch (SQLException e) {
                // broken already
            }
        }
    }
}
