package io.quartermaster.platform.infrastructure.migration;

import io.quartermaster.platform.api.ModuleSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies every module's migrations before anything else starts. Bean-managed
 * transactions: Flyway commits on its own. Several instances starting together are
 * safe: Flyway takes a PostgreSQL advisory lock per schema.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:app/jdbc/quartermaster")
    DataSource dataSource;

    @Inject
    @Any
    Instance<ModuleSchema> schemas;

    @PostConstruct
    void migrate() {
        List<ModuleSchema> ordered = schemas.stream()
                .sorted(Comparator.comparingInt(ModuleSchema::order).thenComparing(ModuleSchema::schema))
                .toList();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ModuleSchema module : ordered) {
            MigrateResult result = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .schemas(module.schema())
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations("classpath:db/migration/" + module.schema())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info(() -> "Schema " + module.schema() + ": " + result.migrationsExecuted
                    + " migration(s) applied, now at version " + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion : result.targetSchemaVersion));
        }
    }
}
