package com.propertyservice.advisor.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Recently verified username/password pairs, so HTTP Basic does not pay a bcrypt check (~100 ms of
 * CPU) on every request. Keyed by an HMAC-SHA256, under a key drawn at random for this process, of the
 * username's length, the username, the password and the stored hash it matched: no two different pairs share
 * an input (a plain {@code user:password} did: {@code colu} + {@code x:y} and {@code colu:x} + {@code y}), the
 * cache holds no password, and a copy of the heap gives no hash to guess passwords against offline.
 *
 * <p>An entry says only "this password matched this stored hash", which never goes stale: the caller reads the
 * user's row on every request and asks with the hash stored now, so a password changed on another instance
 * misses at once, and whether the user is enabled and which roles they have come from the row, not from here.
 * Entries live a minute and are dropped when their user is disabled or changes password here. Caffeine keeps them:
 * expiry by time and, when 10,000 pairs are cached, eviction of the least likely to be used again (not the whole
 * cache at once, which made every caller pay bcrypt again).
 */
@Component
class CredentialsCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    /** HMAC key → the username it was made for. */
    private final Cache<String, String> entries;

    private final SecretKeySpec secret;

    CredentialsCache(Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TIME_TO_LIVE)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Whether this password matched this stored hash of this user less than a minute ago. */
    boolean matches(String username, String password, String storedHash) {
        return username.equals(entries.getIfPresent(key(username, password, storedHash)));
    }

    void remember(String username, String password, String storedHash) {
        entries.put(key(username, password, storedHash), username);
    }

    void invalidate(String username) {
        entries.asMap().values().removeIf(username::equals);
    }

    private String key(String username, String password, String storedHash) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            byte[] secret = password.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(secret.length).array());
            mac.update(secret);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
