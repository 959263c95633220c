package io.quartermaster.platform.domain.identity;

import io.quartermaster.platform.api.identity.ApiClientView;
import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.platform.api.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_client", schema = "platform")
public class ApiClient {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    private String channel;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiClient() {
    }

    public ApiClient(UUID id, String name, Role role, String channel, String keyPrefix, String keyHash,
                     Instant createdAt, String createdBy) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.channel = channel;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public boolean active() {
        return revokedAt == null;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Caller caller() {
        return Caller.apiClient(id, name, role, channel);
    }

    public ApiClientView view() {
        return new ApiClientView(id, name, role, channel, keyPrefix, createdAt, createdBy, revokedAt);
    }
}
