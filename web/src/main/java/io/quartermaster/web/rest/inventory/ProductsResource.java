package io.quartermaster.web.rest.inventory;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.inventory.api.LocationCode;
import io.quartermaster.inventory.api.Page;
import io.quartermaster.inventory.api.ProductView;
import io.quartermaster.inventory.api.PutProduct;
import io.quartermaster.inventory.api.Saved;
import io.quartermaster.inventory.api.Sku;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.web.rest.Paging;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

@Path("/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

    @Inject
    InventoryFacade inventory;

    @Inject
    CurrentCaller caller;

    @Inject
    OrderFacade orders;

    /** A product as a storefront sees it: with what it can sell right now from its channel's locations. */
    public record ProductAnswer(String sku, String name, BigDecimal price, BigDecimal taxRate, boolean active,
                                int available) {
    }

    @PUT
    @Path("{sku}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Response put(@PathParam("sku") String sku, PutProduct product) {
        Saved<ProductView> saved = inventory.putProduct(new Sku(sku), product);
        return Response.status(saved.created() ? 201 : 200).entity(answer(saved.value())).build();
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME, Role.CHANNEL_NAME})
    public ProductAnswer get(@PathParam("sku") String sku) {
        return answer(inventory.product(new Sku(sku)).orElseThrow(() -> ProblemException.notFound("no product " + sku)));
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME, Role.ACCOUNTANT_NAME, Role.CHANNEL_NAME})
    public Page<ProductView> list(@QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        return inventory.products(page, size);
    }

    private ProductAnswer answer(ProductView p) {
        List<LocationCode> locations = caller.get().channel().map(orders::locationsOf)
                .orElseGet(() -> inventory.locations().stream().map(l -> new LocationCode(l.code())).toList());
        return new ProductAnswer(p.sku(), p.name(), p.price(), p.taxRate(), p.active(),
                inventory.available(new Sku(p.sku()), locations));
    }
}
