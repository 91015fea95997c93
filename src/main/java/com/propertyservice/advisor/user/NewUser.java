package com.propertyservice.advisor.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/**
 * A user to create ({@code POST /api/users}).
 *
 * @param username 3–50 letters, digits, {@code .}, {@code _} or {@code -}; case-insensitive, stored in lower case
 * @param password as {@link PasswordPolicy} requires (12 characters up to 72 bytes, not the name, not common)
 * @param roles    at least one role
 */
public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}") String username,
        @NotBlank String password,
        @NotEmpty Set<@NotNull Role> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + "]"; // never the password
    }
}
