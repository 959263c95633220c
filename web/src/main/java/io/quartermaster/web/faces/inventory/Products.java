package io.quartermaster.web.faces.inventory;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.web.faces.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The product list (paged, sorted and searched in the database) and the create/edit form. */
@Named
@ViewScoped
public class Products implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient InventoryFacade inventory;

    private String search;
    private final Lazy table = new Lazy();

    private String sku;
    private String name;
    private BigDecimal price;
    private BigDecimal taxRate;
    private boolean active = true;
    private boolean editing;

    public void save() {
        PutProduct command = new PutProduct(name, price, taxRate);
        command.active = active;
        Feedback.attempt("product", () -> inventory.putProduct(new Sku(sku == null ? "" : sku.trim()), Feedback.valid(command)),
                "Saved product " + sku + ".").ifPresent(saved -> clear());
    }

    public void edit(ProductView product) {
        sku = product.sku();
        name = product.name();
        price = product.price();
        taxRate = product.taxRate();
        active = product.active();
        editing = true;
    }

    public void clear() {
        sku = null;
        name = null;
        price = null;
        taxRate = null;
        active = true;
        editing = false;
    }

    /** Each page of the table is one query: the browser never holds more than the rows it shows. */
    public class Lazy extends LazyDataModel<ProductView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) inventory.products(search, "sku", true, 0, 1).total();
        }

        @Override
        public List<ProductView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            String field = sort == null ? "sku" : sort.getField();
            boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
            Page<ProductView> page = inventory.products(search, field, ascending, first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ProductView product) {
            return product.sku();
        }

        @Override
        public ProductView getRowData(String rowKey) {
            return rowKey == null ? null : inventory.product(new Sku(rowKey)).orElse(null);
        }
    }

    public Lazy getTable() {
        return table;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isEditing() {
        return editing;
    }
}
