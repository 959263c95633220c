package io.quartermaster.web.faces.admin;

import io.quartermaster.orders.api.ChannelView;
import io.quartermaster.orders.api.OrderFacade;
import io.quartermaster.platform.api.identity.ApiClientView;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.IssuedApiClient;
import io.quartermaster.platform.api.identity.NewApiClient;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * API clients (storefronts, apps, registers, integrations). A new client's key is shown once, on the
 * page that created it; only its hash is stored, so it cannot be shown again — a lost key means a new client.
 */
@Named
@ViewScoped
public class ApiClients implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IdentityFacade identity;

    @Inject
    transient OrderFacade orders;

    @Inject
    transient CurrentCaller caller;

    private List<ApiClientView> clients;
    private String name;
    private String role = Role.CHANNEL.name();
    private String channel;
    /** The key just issued; kept only in this view, gone when the page is left. */
    private IssuedApiClient issued;

    /** Newest first: the client just created is at the top, whatever the number of registers' clients. */
    @PostConstruct
    void load() {
        clients = new java.util.ArrayList<>(identity.apiClients());
        java.util.Collections.reverse(clients);
    }

    public void create() {
        issued = null;
        NewApiClient client = new NewApiClient(name == null ? null : name.trim(), role == null ? null : Role.valueOf(role),
                channel);
        Feedback.attempt("client", () -> identity.createApiClient(Feedback.valid(client), caller.name()),
                "Created API client " + name + ". Copy its key now: it is not shown again.").ifPresent(created -> {
                    issued = created;
                    name = null;
                    channel = null;
                    load();
                });
    }

    public void revoke(ApiClientView client) {
        Feedback.attempt("list", () -> identity.revokeApiClient(client.id(), caller.name()),
                "Revoked " + client.name() + ": its key no longer works.");
        load();
    }

    public List<String> getRoles() {
        return List.of(Role.CHANNEL.name(), Role.STAFF.name(), Role.ACCOUNTANT.name());
    }

    public List<ChannelView> getChannels() {
        return orders.channels();
    }

    public List<ApiClientView> getClients() {
        return clients;
    }

    public IssuedApiClient getIssued() {
        return issued;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
