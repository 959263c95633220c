package io.quartermaster.platform.application;

import io.quartermaster.platform.domain.identity.Passwords;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No default passwords: on the very first start the administrator {@code admin} gets the
 * password from {@code QM_ADMIN_PASSWORD}, or a generated one that is logged this once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    Identity identity;

    @Inject
    @ConfigProperty(name = "qm.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && configured.get().length() < 12) {
            throw new IllegalStateException("QM_ADMIN_PASSWORD must be at least 12 characters long");
        }
        String password = configured.orElseGet(Passwords::generate);
        if (identity.createFirstAdmin(password)) {
            if (configured.isPresent()) {
                LOG.info("Created user 'admin' with the password from QM_ADMIN_PASSWORD");
            } else {
                LOG.warning("\n=================================================================\n"
                        + "  First start: created user 'admin' with password " + password + "\n"
                        + "  It is shown only this once. Sign in and create named users.\n"
                        + "=================================================================");
            }
        }
    }
}
