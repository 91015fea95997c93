package com.propertyservice.advisor.system;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed log-ins for this username or from this address: no password was checked. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed log-ins; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt may be checked. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, at least one, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
