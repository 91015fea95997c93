package com.propertyservice.advisor.user;

import jakarta.validation.constraints.NotBlank;

/**
 * A new password ({@code POST /api/users/{username}/password}).
 *
 * @param currentPassword the caller's present password, required when changing one's own
 * @param newPassword     the new password, as the password policy requires
 */
public record PasswordChange(
        String currentPassword, @NotBlank String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[***]"; // never a password
    }
}
