package com.propertyservice.advisor.system;

import org.springframework.security.core.Authentication;

/**
 * Who a caller is for deduplication: a person by username, an API key by 16 hex digits of its SHA-256 (the
 * {@code api-key:xxxx} name records show is too short to tell two keys apart for certain).
 */
public final class Callers {

    private Callers() {}

    public static String id(Authentication caller) {
        if (caller instanceof ApiKeyAuthenticationFilter.ApiKeyAuthentication key) {
            return key.callerId();
        }
        return caller.getName();
    }
}
