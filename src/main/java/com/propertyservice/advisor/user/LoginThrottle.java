package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.AdvisorProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brute-force brake for password checks, with Bucket4j token buckets: one per username and one per client
 * address. Every password check takes a token from both before bcrypt runs; a success gives them back, so
 * only failures wear a bucket down; when either is empty the attempt is refused before any hashing, with
 * the time until a token returns. Buckets refill gradually over the configured window. Both maps are
 * bounded (least recently used dropped), so a flood of invented names or addresses cannot exhaust memory.
 */
@Component
class LoginThrottle {

    private static final int MAX_BUCKETS = 10_000;

    private final AdvisorProperties.Throttle limits;
    private final Map<String, Bucket> users = lru();
    private final Map<String, Bucket> addresses = lru();

    LoginThrottle(AdvisorProperties properties) {
        this.limits = properties.security().throttle();
    }

    /**
     * Takes a token for {@code username} and for {@code address}.
     *
     * @return empty when the password may be checked; otherwise how long to wait (no token taken)
     */
    Optional<Duration> acquire(String username, String address) {
        Bucket user = bucket(users, username, limits.perUser());
        Bucket from = bucket(addresses, address, limits.perAddress());
        ConsumptionProbe byUser = user.tryConsumeAndReturnRemaining(1);
        if (!byUser.isConsumed()) {
            return Optional.of(Duration.ofNanos(byUser.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byAddress = from.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            user.addTokens(1);
            return Optional.of(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    /** A correct password: the tokens the check took go back. */
    void succeeded(String username, String address) {
        bucket(users, username, limits.perUser()).addTokens(1);
        bucket(addresses, address, limits.perAddress()).addTokens(1);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    key == null ? "" : key,
                    k -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(capacity)
                                    .refillGreedy(capacity, limits.window())
                                    .build())
                            .build());
        }
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_BUCKETS;
            }
        });
    }
}
