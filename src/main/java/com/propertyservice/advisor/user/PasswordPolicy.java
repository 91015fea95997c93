package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.ApiProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters and at most {@value #MAX_BYTES} bytes
 * in UTF-8 (bcrypt reads no further, so a longer one would be silently cut), not the username nor containing it,
 * at least {@value #MIN_DISTINCT} different characters ({@code aaaaaaaaaaaa} is not a password), and not one of
 * the common passwords in {@code security/common-passwords.txt}, also when dressed up with capitals, letter
 * swaps and digits or symbols at the ends. Each failure is a 400 naming the field {@code password}.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 5;

    private final Set<String> common;

    PasswordPolicy() {
        try {
            String list =
                    new ClassPathResource("security/common-passwords.txt").getContentAsString(StandardCharsets.UTF_8);
            this.common = list.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list is part of the jar", e);
        }
    }

    /**
     * @param username the canonical (lower-case) username the password is for
     * @throws ApiProblemException 400 for the field {@code password} when the password breaks a rule
     */
    void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiProblemException.invalidField("password", "password.too-short", MIN_LENGTH);
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ApiProblemException.invalidField("password", "password.too-long", MAX_BYTES, bytes);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw ApiProblemException.invalidField("password", "password.contains-username");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            throw ApiProblemException.invalidField("password", "password.too-simple", MIN_DISTINCT);
        }
        if (isCommon(lower)) {
            throw ApiProblemException.invalidField("password", "password.common");
        }
    }

    boolean isCommon(String lowerCase) {
        String core = ends(lowerCase);
        String plainCore = ends(core.replace('@', 'a')
                .replace('0', 'o')
                .replace('1', 'i')
                .replace('3', 'e')
                .replace('$', 's')
                .replace('5', 's')
                .replace('7', 't'));
        return common.contains(lowerCase)
                || common.contains(core)
                || common.contains(plainCore)
                || core.isEmpty() && isRun(lowerCase);
    }

    /** Without the digits and symbols at either end. */
    private static String ends(String text) {
        return text.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    /** Only digits and symbols: a run such as 123456789012 or 987654321098 counts as common. */
    private static boolean isRun(String text) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < text.length(); i++) {
            int step = text.charAt(i) - text.charAt(i - 1);
            up += step == 1 || step == -9 ? 1 : 0;
            down += step == -1 || step == 9 ? 1 : 0;
        }
        return Math.max(up, down) >= text.length() / 2;
    }
}
