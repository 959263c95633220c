package io.quartermaster.inventory.infrastructure;

import io.quartermaster.inventory.domain.stock.StockLevel;
import io.quartermaster.inventory.domain.stock.StockLevels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@link StockLevels} in PostgreSQL: all rows a command needs in one
 * {@code SELECT … ORDER BY location_id, sku FOR UPDATE}. PostgreSQL locks rows in the order the
 * sort returns them, so two carts naming the same SKUs in opposite orders queue behind each other
 * instead of deadlocking.
 */
@ApplicationScoped
public class JpaStockLevelRepository implements StockLevels {

    @PersistenceContext(unitName = "inventory")
    EntityManager em;

    @Override
    public void boundLockWait(String timeout) {
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)").setParameter(1, timeout).getSingleResult();
    }

    @Override
    public List<StockLevel> lockForUpdate(Collection<Long> locationIds, Collection<String> skus) {
        SortedSet<Long> locations = new TreeSet<>(locationIds);
        SortedSet<String> sortedSkus = new TreeSet<>(skus);
        List<StockLevel> locked = select(locations, sortedSkus);
        if (locked.size() == locations.size() * sortedSkus.size()) {
            return locked;
        }
        // First stock of a SKU at a location: create the empty rows (in order), then lock again.
        for (Long location : locations) {
            for (String sku : sortedSkus) {
                em.createNativeQuery("insert into inventory.stock_level (location_id, sku) values (?1, ?2) "
                                + "on conflict (location_id, sku) do nothing")
                        .setParameter(1, location)
                        .setParameter(2, sku)
                        .executeUpdate();
            }
        }
        return select(locations, sortedSkus);
    }

    private List<StockLevel> select(SortedSet<Long> locations, SortedSet<String> skus) {
        return em.createQuery("select s from StockLevel s where s.locationId in :locations and s.sku in :skus "
                        + "order by s.locationId, s.sku", StockLevel.class)
                .setParameter("locations", locations)
                .setParameter("skus", skus)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<StockLevel> ofSku(String sku) {
        return em.createQuery("select s from StockLevel s where s.sku = :sku order by s.locationId", StockLevel.class)
                .setParameter("sku", sku)
                .getResultList();
    }
}
