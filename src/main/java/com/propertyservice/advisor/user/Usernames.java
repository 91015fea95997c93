package com.propertyservice.advisor.user;

import java.util.Locale;

/**
 * Usernames are case-insensitive: {@code Admin} and {@code admin} are one user. Every name is stored, looked
 * up, cached and recorded in its canonical form, lower case (names are ASCII letters, digits, {@code . _ -}).
 */
public final class Usernames {

    private Usernames() {}

    /** The canonical form of a name as someone typed it; {@code null} stays {@code null}. */
    public static String canonical(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
