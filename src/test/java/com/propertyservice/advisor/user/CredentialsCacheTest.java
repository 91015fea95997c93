package com.propertyservice.advisor.user;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsCacheTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
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
        cache.remember("li", "right-password", Set.of(Role.SUPERVISOR));
        assertThat(cache.lookup("li", "right-password")).contains(Set.of(Role.SUPERVISOR));
        assertThat(cache.lookup("li", "wrong-password")).isEmpty();
        assertThat(cache.lookup("wang", "right-password")).isEmpty();
    }

    @Test
    void whereTheColonFallsMakesADifferentKey() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("colu", "x:right-password", Set.of(Role.SUPERVISOR));
        assertThat(cache.lookup("colu:x", "right-password")).isEmpty();
        assertThat(cache.lookup("colu", "x:right-password")).contains(Set.of(Role.SUPERVISOR));
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        MovableClock clock = new MovableClock();
        CredentialsCache cache = new CredentialsCache(clock);
        cache.remember("li", "pw", Set.of(Role.SUPERVISOR));
        clock.now = clock.now.plus(CredentialsCache.TIME_TO_LIVE).plus(Duration.ofSeconds(1));
        assertThat(cache.lookup("li", "pw")).isEmpty();
    }

    @Test
    void disablingAUserDropsTheirEntries() {
        CredentialsCache cache = new CredentialsCache(new MovableClock());
        cache.remember("li", "pw", Set.of(Role.SUPERVISOR));
        cache.remember("wang", "pw", Set.of(Role.TRAINER));
        cache.invalidate("li");
        assertThat(cache.lookup("li", "pw")).isEmpty();
        assertThat(cache.lookup("wang", "pw")).isPresent();
    }
}
