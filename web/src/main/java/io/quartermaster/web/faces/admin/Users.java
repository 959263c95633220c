package io.quartermaster.web.faces.admin;

import io.quartermaster.platform.api.identity.ChangeUser;
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

/**
 * Back-office users: create one (the password is set here once and stored only as a hash), change
 * a user's roles or password, disable or re-enable a user (never delete: journal entries name who made them).
 */
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

    /** The user whose roles are being changed, or null. */
    private String editing;
    private List<String> editRoles = new ArrayList<>();
    private boolean editActive;
    /** A new password for the user being changed; empty keeps the old one. */
    private String editPassword;

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

    public void edit(UserView user) {
        editing = user.username();
        editRoles = user.roles().stream().map(Role::name).sorted().collect(Collectors.toCollection(ArrayList::new));
        editActive = user.disabledAt() == null;
    }

    public void saveChange() {
        ChangeUser change = new ChangeUser(editRoles.stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))), editActive);
        change.password = editPassword;
        if (Feedback.succeeds("change", () -> identity.changeUser(editing, Feedback.valid(change), caller.name()),
                "Changed " + editing + (editActive ? "." : ": disabled, signed out at the next click."))) {
            editing = null;
            editPassword = null;
            load();
        }
    }

    public void cancelChange() {
        editing = null;
    }

    public String getEditing() {
        return editing;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public String getEditPassword() {
        return editPassword;
    }

    public void setEditPassword(String editPassword) {
        this.editPassword = editPassword;
    }

    public boolean isEditActive() {
        return editActive;
    }

    public void setEditActive(boolean editActive) {
        this.editActive = editActive;
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
