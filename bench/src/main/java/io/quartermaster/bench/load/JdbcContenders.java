package io.quartermaster.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * The common alternatives to a pessimistic row lock, as bench-only drivers on the
 * {@code bench} tables (never part of the product): optimistic locking on a version column
 * with and without retry, and the lock-then-check pattern blog posts recommend — a Redis
 * {@code SET lock NX EX 10} per product, then a version-checked {@code UPDATE}, refusing the
 * buyer when the lock is taken. One JDBC connection per client thread, as pgbench has.
 */
final class JdbcContenders {

    private JdbcContenders() {
    }

    /** One client thread's connection and statements. */
    private static final class Session {
        final Connection connection;
        final PreparedStatement read;
        final PreparedStatement update;
        final PreparedStatement order;

        Session(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            read = connection.prepareStatement("select on_hand, version from bench.stock where sku = ?");
            update = connection.prepareStatement(
                    "update bench.stock set on_hand = on_hand - ?, version = version + 1 where sku = ? and version = ?");
            order = connection.prepareStatement("insert into bench.orders (sku, quantity) values (?, ?)");
        }
    }

    /** Read the row, check, update only if the version is still the one read; all lines or none. */
    abstract static class Base implements Contender {
        private final BenchDatabase database;
        private final ThreadLocal<Session> sessions = new ThreadLocal<>();
        private final List<Session> open = new CopyOnWriteArrayList<>();

        Base(BenchDatabase database) {
            this.database = database;
        }

        Session session() throws SQLException {
            Session session = sessions.get();
            if (session == null) {
                session = new Session(database.connect());
                sessions.set(session);
                open.add(session);
            }
            return session;
        }

        /** One version-checked transaction: SOLD, OUT_OF_STOCK, or REFUSED "version conflict". */
        Attempt checkAndUpdate(Cart cart, int retries) throws SQLException {
            Session s = session();
            try {
                for (int i = 0; i < cart.lines(); i++) {
                    s.read.setInt(1, cart.skus()[i]);
                    long onHand;
                    long version;
                    try (ResultSet rs = s.read.executeQuery()) {
                        rs.next();
                        onHand = rs.getLong(1);
                        version = rs.getLong(2);
                    }
                    if (onHand < cart.quantities()[i]) {
                        s.connection.rollback();
                        return new Attempt(Verdict.OUT_OF_STOCK, "out of stock", retries);
                    }
                    s.update.setInt(1, cart.quantities()[i]);
                    s.update.setInt(2, cart.skus()[i]);
                    s.update.setLong(3, version);
                    if (s.update.executeUpdate() == 0) {
                        s.connection.rollback();
                        return new Attempt(Verdict.REFUSED, "version conflict", retries);
                    }
                    s.order.setInt(1, cart.skus()[i]);
                    s.order.setInt(2, cart.quantities()[i]);
                    s.order.executeUpdate();
                }
                s.connection.commit();
                return Attempt.sold("committed", retries);
            } catch (SQLException e) {
                s.connection.rollback();
                throw e;
            }
        }

        @Override
        public Attempt buy(Cart cart) {
            try {
                return sell(cart);
            } catch (SQLException e) {
                return new Attempt(Verdict.ERROR, e.getSQLState() + " " + firstLine(e.getMessage()), 0);
            }
        }

        abstract Attempt sell(Cart cart) throws SQLException;

        @Override
        public Map<Integer, Long> onHand() throws SQLException {
            return database.benchOnHand();
        }

        @Override
        public void close() {
            for (Session s : open) {
                try {
                    s.connection.close();
                } catch (SQLException e) {
                    // closing at the end of a run
                }
            }
            open.clear();
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Optimistic locking: a version conflict is answered as a refusal ({@code retry} false) or retried. */
    static final class Optimistic extends Base {
        static final int MAX_TRIES = 50;
        private final boolean retry;

        Optimistic(BenchDatabase database, boolean retry) {
            super(database);
            this.retry = retry;
        }

        @Override
        public String name() {
            return retry ? "optimistic + retry" : "optimistic";
        }

        @Override
        Attempt sell(Cart cart) throws SQLException {
            Attempt attempt = checkAndUpdate(cart, 0);
            for (int tries = 1; retry && attempt.verdict() == Verdict.REFUSED && tries < MAX_TRIES; tries++) {
                attempt = checkAndUpdate(cart, tries);
            }
            return attempt;
        }
    }

    /** Redis lock per product ({@code SET lock:<sku> <token> NX EX 10}), refuse when taken, then the version-checked update. */
    static final class RedisLockThenCheck extends Base {
        private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
                + "return redis.call('del', KEYS[1]) else return 0 end";
        private final JedisPool redis;

        RedisLockThenCheck(BenchDatabase database, JedisPool redis) {
            super(database);
            this.redis = redis;
        }

        @Override
        public String name() {
            return "Redis lock-then-check";
        }

        @Override
        Attempt sell(Cart cart) throws SQLException {
            String token = UUID.randomUUID().toString();
            String[] locks = new String[cart.lines()];
            int taken = 0;
            try (Jedis jedis = redis.getResource()) {
                try {
                    for (int i = 0; i < cart.lines(); i++) {
                        String lock = "lock:" + cart.skus()[i];
                        if (jedis.set(lock, token, SetParams.setParams().nx().ex(10)) == null) {
                            return new Attempt(Verdict.REFUSED, "lock taken", 0);
                        }
                        locks[taken++] = lock;
                    }
                    return checkAndUpdate(cart, 0);
                } finally {
                    for (int i = 0; i < taken; i++) {
                        jedis.eval(RELEASE, 1, locks[i], token);
                    }
                }
            }
        }
    }
}
