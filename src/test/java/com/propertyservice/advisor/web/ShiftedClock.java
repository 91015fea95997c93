package com.propertyservice.advisor.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service's clock for page tests: the real time plus a shift the test moves forward, so deadlines pass while the
 * browser's session, timeouts and waits keep running on real time. Registered before the context starts (the
 * service's own clock steps aside for a clock that is already there).
 */
final class ShiftedClock extends Clock {

    /** The one shifted clock of the page tests' context that uses {@link Register}. */
    static final ShiftedClock SHARED =
            new ShiftedClock(new AtomicReference<>(Duration.ZERO), ZoneId.of("Asia/Shanghai"));

    /** Puts {@link #SHARED} into the context as its clock. */
    static final class Register implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("shiftedClock", SHARED);
        }
    }

    private final AtomicReference<Duration> shift;
    private final ZoneId zone;

    private ShiftedClock(AtomicReference<Duration> shift, ZoneId zone) {
        this.shift = shift;
        this.zone = zone;
    }

    void moveForward(Duration by) {
        shift.updateAndGet(current -> current.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ShiftedClock(shift, other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }
}
