package com.propertyservice.advisor.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This instance's name in logs, the history and {@code /actuator/info}, so an operator running several can tell
 * them apart: {@code ADVISOR_INSTANCE_NAME} when set (the compose file and the tests set it), else the host name
 * and the process id.
 */
public final class InstanceName {

    private static final String NAME = resolve();

    private InstanceName() {}

    public static String get() {
        return NAME;
    }

    private static String resolve() {
        String configured = System.getenv("ADVISOR_INSTANCE_NAME");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
