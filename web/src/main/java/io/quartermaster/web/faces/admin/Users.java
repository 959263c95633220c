package io.quartermaster.web.faces.admin;

import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.NewUser;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.identity.UserView;
import io.quartermaster.web.faces.Feedback;
import io.quartermaster.web.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** Back-office users and their roles; the password is set here once and stored only as a hash. */
@Named
@ViewScoped
public class Users implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IdentityFacade identity;

    @Inject
    transient CurrentCaller caller;

    private List<UserView> users;
    private String username;
    private String password;
    /** Role names as the checkboxes submit them. */
    private List<String> roles = new ArrayList<>();

    @PostConstruct
    void load() {
        users = identity.users();
    }

    public void create() {
        NewUser user = new NewUser(username == null ? null : username.trim(), password,
                roles.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
        if (Feedback.succeeds("user", () -> identity.createUser(Feedback.valid(user), caller.name()),
                "Created user " + username + ".")) {
            username = null;
            password = null;
            roles = new ArrayList<>();
            load();
        }
    }

    public List<Role> getUserRoles() {
        return List.of(Role.STAFF, Role.ACCOUNTANT, Role.ADMIN);
    }

    public List<UserView> getUsers() {
        return users;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
