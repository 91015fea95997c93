package com.propertyservice.advisor.system;

import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises "no database connection to be had in time" (an exhausted pool, a database that does not
 * answer): a 503 with {@code Retry-After}, not a 500, since the request was fine and a retry may pass.
 */
public final class DatabaseBusy {

    /** What a busy answer asks the caller to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private DatabaseBusy() {}

    /** Whether {@code failure} or one of its causes is a connection that could not be had. */
    public static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }
}
