package com.propertyservice.advisor.user;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently verified username/password pairs, so HTTP Basic does not pay a bcrypt check (~100 ms of
 * CPU) on every request. Keyed by SHA-256(username:password): the cache holds no password, and only
 * the exact pair that passed bcrypt hits it. Entries live a minute and are dropped at once when
 * their user is disabled or changed.
 */
@Component
class CredentialsCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String username, Set<Role> roles, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    CredentialsCache() {
        this(Clock.systemUTC());
    }

    CredentialsCache(Clock clock) {
        this.clock = clock;
    }

    /** The roles of a pair verified less than a minute ago. */
    Optional<Set<Role>> lookup(String username, String password) {
        String key = key(username, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.roles());
    }

    void remember(String username, String password, Set<Role> roles) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded: the next calls pay bcrypt once more
        }
        entries.put(key(username, password), new Entry(username, Set.copyOf(roles), clock.instant().plus(TIME_TO_LIVE)));
    }

    void invalidate(String username) {
        entries.values().removeIf(entry -> entry.username().equals(username));
    }

    private static String key(String username, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((username + ':' + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
