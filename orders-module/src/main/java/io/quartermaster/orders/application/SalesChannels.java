package io.quartermaster.orders.application;

import io.quartermaster.inventory.api.InventoryFacade;
import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.PutChannel;
import io.quartermaster.orders.api.refusal.UnknownChannel;
import io.quartermaster.orders.domain.order.SalesChannel;
import io.quartermaster.platform.api.problem.InvalidField;
import io.quartermaster.platform.api.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Sales channels (web, mobile, the registers): their names, hold times and the locations they sell from. */
@ApplicationScoped
class SalesChannels {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    InventoryFacade inventory;

    @Inject
    Transactions transactions;

    List<ChannelView> all() {
        return em.createQuery("select c from SalesChannel c order by c.code", SalesChannel.class)
                .getResultStream().map(SalesChannels::channelView).toList();
    }

    ChannelView put(String code, PutChannel request) {
        if (code == null || !code.matches("^[A-Z][A-Z0-9_]{1,31}$")) {
            throw new InvalidField("code", "2 to 32 upper-case letters, digits or '_'");
        }
        List<String> known = inventory.locations().stream().map(l -> l.code()).toList();
        for (int i = 0; i < request.locations.size(); i++) {
            if (!known.contains(request.locations.get(i))) {
                throw new InvalidField("locations[" + i + "]", "no location " + request.locations.get(i));
            }
        }
        return transactions.inTransaction(() -> {
            SalesChannel channel = em.find(SalesChannel.class, code);
            if (channel == null) {
                channel = new SalesChannel(code, request.name, request.holdTtlSeconds, request.locations);
                em.persist(channel);
            } else {
                channel.update(request.name, request.holdTtlSeconds, request.locations);
            }
            return channelView(channel);
        });
    }

    /** The channel, or the refusal a seller gets for one that is not set up for sales. */
    SalesChannel channel(String code) {
        SalesChannel channel = code == null ? null : em.find(SalesChannel.class, code);
        if (channel == null) {
            throw new UnknownChannel("channel " + code + " is not configured for sales");
        }
        return channel;
    }

    static ChannelView channelView(SalesChannel c) {
        return new ChannelView(c.code(), c.name(), c.holdTtlSeconds(), c.locations());
    }
}
