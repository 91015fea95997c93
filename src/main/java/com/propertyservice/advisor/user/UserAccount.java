package com.propertyservice.advisor.user;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who logs in, as a row of {@code users}. The password is only ever held as a
 * {@code {bcrypt}} hash.
 *
 * @param roles in {@link Role} order (an unmodifiable {@link EnumSet}), so lists and JSON show them
 *              the same way every time
 */
record UserAccount(
        String username,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt) {

    UserAccount {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        roles = Collections.unmodifiableSet(set);
    }

    /** A new, enabled user. */
    UserAccount(String username, String passwordHash, Collection<Role> roles, String createdBy, OffsetDateTime now) {
        this(username, passwordHash, Set.copyOf(roles), true, now, createdBy, now);
    }

    UserAccount disabled(OffsetDateTime now) {
        return new UserAccount(username, passwordHash, roles, false, createdAt, createdBy, now);
    }

    UserAccount withPassword(String newHash, OffsetDateTime now) {
        return new UserAccount(username, newHash, roles, enabled, createdAt, createdBy, now);
    }

    UserView view() {
        return new UserView(username, roles, enabled, createdAt, createdBy, updatedAt);
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]"; // never the hash
    }
}
