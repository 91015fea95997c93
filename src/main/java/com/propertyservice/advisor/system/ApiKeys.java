package com.propertyservice.advisor.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The integration keys from {@code advisor.security.api-keys}. Only their SHA-256 hashes are kept;
 * a presented key is hashed and compared with every known hash in constant time, so a check costs
 * microseconds and its timing reveals nothing. Keys are never logged, only the count and each
 * caller's short name {@code api-key:<first 4 hex digits of the hash>}.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> hashes;

    ApiKeys(AdvisorProperties properties) {
        this.hashes = properties.security().apiKeys().stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(ApiKeys::sha256)
                .toList();
        log.info("{} API key(s) configured", hashes.size());
    }

    /** The caller's name when {@code key} is known. */
    Optional<String> authenticate(String key) {
        byte[] presented = sha256(key);
        boolean match = false;
        for (byte[] hash : hashes) {
            match |= MessageDigest.isEqual(hash, presented); // no early exit: every key costs the same
        }
        return match ? Optional.of(nameOf(presented)) : Optional.empty();
    }

    static String nameOf(byte[] hash) {
        return "api-key:" + HexFormat.of().formatHex(hash).substring(0, 4);
    }

    /** The key's identity for deduplication: long enough that two keys never share it in practice. */
    static String idOf(byte[] hash) {
        return "api-key:" + HexFormat.of().formatHex(hash).substring(0, 16);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
