package io.quartermaster.platform.domain.identity;

import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.identity.UserView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "app_user", schema = "platform")
public class User {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", schema = "platform", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected User() {
    }

    public User(String username, String passwordHash, Set<Role> roles, Instant createdAt, String createdBy) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean active() {
        return disabledAt == null;
    }

    public UserView view() {
        return new UserView(username, roles(), createdAt, createdBy, disabledAt);
    }

    public void newPassword(String hash) {
        this.passwordHash = hash;
    }

    /** New roles, and sign-in allowed or not (a user is disabled, never deleted: entries name who made them). */
    public void change(Set<Role> newRoles, boolean activeNow, Instant now) {
        roles.clear();
        roles.addAll(newRoles);
        if (activeNow) {
            disabledAt = null;
        } else if (disabledAt == null) {
            disabledAt = now;
        }
    }
}
