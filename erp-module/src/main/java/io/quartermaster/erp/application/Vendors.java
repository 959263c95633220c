package io.quartermaster.erp.application;

import io.quartermaster.erp.api.PutVendor;
import io.quartermaster.erp.api.ReplenishmentViews.VendorView;
import io.quartermaster.erp.domain.purchasing.Vendor;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Vendors: who purchase orders go to, with the e-mail for orders and the usual lead time. */
@ApplicationScoped
class Vendors {

    @PersistenceContext(unitName = "erp")
    EntityManager em;

    @Inject
    Transactions transactions;

    VendorView put(String code, PutVendor vendor) {
        if (code == null || !code.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")) {
            throw new InvalidField("code", "1 to 32 letters, digits, '.', '_' or '-'");
        }
        return transactions.inTransaction(() -> {
            em.createNativeQuery("insert into erp.vendor (code, name, email, lead_time_days) values (?1, ?2, ?3, ?4) "
                            + "on conflict (code) do update set name = excluded.name, email = excluded.email, "
                            + "lead_time_days = excluded.lead_time_days")
                    .setParameter(1, code).setParameter(2, vendor.name.strip()).setParameter(3, vendor.email)
                    .setParameter(4, vendor.leadTimeDays == null ? Vendor.DEFAULT_LEAD_TIME_DAYS : vendor.leadTimeDays)
                    .executeUpdate();
            return find(code).orElseThrow();
        });
    }

    Optional<VendorView> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> Optional.ofNullable(em.find(Vendor.class, code)).map(Vendors::view));
    }

    List<VendorView> all() {
        return transactions.inTransaction(() -> em.createQuery("select v from Vendor v order by v.code", Vendor.class)
                .getResultStream().map(Vendors::view).toList());
    }

    private static VendorView view(Vendor v) {
        return new VendorView(v.code(), v.name(), v.email(), v.leadTimeDays());
    }
}
