package com.propertyservice.advisor.user;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as administrators see it; never the password or its hash.
 *
 * @param username  the login name
 * @param roles     what the user may do
 * @param enabled   false once disabled; a disabled user cannot log in
 * @param createdAt when the user was created
 * @param createdBy who created the user ({@code system} for the first administrator)
 * @param updatedAt the last change
 */
public record UserView(
        String username,
        Set<Role> roles,
        boolean enabled,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt) {}
