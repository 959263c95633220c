package io.quartermaster.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one DataSource of the application, configured from the environment through
 * MicroProfile Config ({@code DB_URL} → {@code db.url} …). Every module's persistence unit
 * uses it, so one JTA transaction spans the modules' tables on one connection. The pool is
 * small on purpose: stock rows are hot, and more connections mean longer lock queues.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/quartermaster",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        properties = {
                "connectTimeout=5",
                // Lets PostgreSQL type string and null parameters itself (a null UUID bound as varchar fails otherwise).
                "stringType=unspecified",
                "tcpKeepAlive=true",
                // A JDBC batch of inserts becomes one multi-row INSERT: one round trip, one parse.
                "reWriteBatchedInserts=true",
                // No statement waits on a dead server for ever; lock waits are bounded by lock_timeout.
                "socketTimeout=60",
                "ApplicationName=quartermaster",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                // Validating on every borrow cost a round trip and a synchronized class lookup each time
                // (the benchmark's profile: threads queued on the class loader); once per 10 s per connection
                // still finds a dead server quickly, and fail-all-connections then drops the whole pool.
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000"
        })
@ApplicationScoped
public class Database {
}
