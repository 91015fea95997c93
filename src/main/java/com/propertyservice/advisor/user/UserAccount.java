package com.propertyservice.advisor.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who logs in. The password is only ever held as a {@code {bcrypt}} hash. */
@Entity
@Table(name = "users")
class UserAccount {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Comma-separated {@link Role} names. */
    @Column(nullable = false)
    private String roles;

    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Collection<Role> roles, String createdBy, OffsetDateTime now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().distinct().sorted().map(Role::name).collect(Collectors.joining(","));
        this.enabled = true;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.updatedAt = now;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<Role> roles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    boolean enabled() {
        return enabled;
    }

    void disable(OffsetDateTime now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    UserView view() {
        return new UserView(username, roles(), enabled, createdAt, createdBy, updatedAt);
    }
}
