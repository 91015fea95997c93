package com.propertyservice.advisor.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

@JdbcTest
@Import(UserRepository.class)
class UserRepositoryTest {

    @Autowired
    UserRepository users;

    @Test
    void rolesAndDisablingSurviveTheRoundTrip() {
        UserAccount account = new UserAccount(
                "wang", "{bcrypt}$2a$10$hash", List.of(Role.TRAINER, Role.SUPERVISOR), "admin", OffsetDateTime.now());
        users.insert(account);
        UserAccount found = users.findById("wang").orElseThrow();
        assertThat(found.roles()).isEqualTo(Set.of(Role.SUPERVISOR, Role.TRAINER));
        assertThat(found.enabled()).isTrue();
        users.update(found.disabled(OffsetDateTime.now()));
        assertThat(users.findById("wang").orElseThrow().enabled()).isFalse();
    }
}
