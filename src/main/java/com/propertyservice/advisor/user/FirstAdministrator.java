package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.AdvisorProperties;
import com.propertyservice.advisor.system.ApiProblemException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates user {@code admin} (ADMIN) when no user exists: with
 * {@code advisor.security.bootstrap-admin-password} when it is set, otherwise with a random password
 * logged once, so a fresh installation can be entered and no password lives in code or jar.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserService users;
    private final AdvisorProperties properties;
    private final MessageSource messages;

    FirstAdministrator(UserService users, AdvisorProperties properties, MessageSource messages) {
        this.users = users;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUser()) {
            return;
        }
        String configured = properties.security().bootstrapAdminPassword();
        if (configured != null && !configured.isBlank()) {
            try {
                users.createFirstAdmin(configured);
            } catch (DuplicateKeyException another) {
                log.info("user 'admin' was created by another instance starting at the same time");
                return;
            } catch (ApiProblemException weak) {
                throw new IllegalStateException(
                        "advisor.security.bootstrap-admin-password does not meet the password policy: "
                                + messages.getMessage(
                                        weak.messageCode(), weak.arguments(), weak.messageCode(), Locale.ENGLISH)
                                + " Choose another (ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD).",
                        weak);
            }
            log.info(
                    "created the first user 'admin' (ADMIN) with the password from advisor.security.bootstrap-admin-password");
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            users.createFirstAdmin(generated);
        } catch (DuplicateKeyException another) {
            // several instances started on an empty database at once: the first one's password is the one logged
            log.info(
                    "user 'admin' was created by another instance starting at the same time; its log shows the password");
            return;
        }
        log.warn("""

                ****************************************************************
                No user existed: created user 'admin' (ADMIN) with the password
                    {}
                It is shown only this once. Log in and create the other users
                (POST /api/users); set ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD
                to choose it yourself on a fresh database.
                ****************************************************************""", generated);
    }
}
