package com.propertyservice.advisor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialsCacheTest {

    static final String HASH = "{bcrypt}$2a$10$stored";

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void onlyTheExactPairThatPassedHitsTheCache() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("li", "right-password", HASH);
        assertThat(cache.matches("li", "right-password", HASH)).isTrue();
        assertThat(cache.matches("li", "wrong-password", HASH)).isFalse();
        assertThat(cache.matches("wang", "right-password", HASH)).isFalse();
    }

    @Test
    void aPasswordChangedElsewhereMissesAtOnce() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("li", "right-password", HASH);
        // another instance stored a new hash: the row read now no longer names the one the entry was made for
        assertThat(cache.matches("li", "right-password", "{bcrypt}$2a$10$another"))
                .isFalse();
    }

    @Test
    void whereTheColonFallsMakesADifferentKey() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("colu", "x:right-password", HASH);
        assertThat(cache.matches("colu:x", "right-password", HASH)).isFalse();
        assertThat(cache.matches("colu", "x:right-password", HASH)).isTrue();
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        MovableClock clock = new MovableClock();
        CredentialsCache cache = new CredentialsCache(clock);
        cache.remember("li", "pw", HASH);
        clock.now = clock.now.plus(CredentialsCache.TIME_TO_LIVE).plus(Duration.ofSeconds(1));
        assertThat(cache.matches("li", "pw", HASH)).isFalse();
    }

    @Test
    void disablingAUserDropsTheirEntries() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("li", "pw", HASH);
        cache.remember("wang", "pw", HASH);
        cache.invalidate("li");
        assertThat(cache.matches("li", "pw", HASH)).isFalse();
        assertThat(cache.matches("wang", "pw", HASH)).isTrue();
    }
}
