package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Existing users move to lower-case names; two that differ only in case keep one name and one is set aside, disabled. */
class UsernamesCaseInsensitiveTest {

    @Test
    void namesBecomeLowerCaseAndCaseTwinsAreSetAsideDisabled() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:usernames;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        OffsetDateTime t = OffsetDateTime.parse("2025-06-01T09:00:00+08:00");
        String insert =
                "insert into users (username, password_hash, roles, enabled, created_at, created_by, updated_at)"
                        + " values (?, '{bcrypt}x', 'SUPERVISOR', true, ?, 'system', ?)";
        jdbc.update(insert, "Admin", t, t);
        jdbc.update(insert, "admin", t.plusDays(1), t);
        jdbc.update(insert, "Li.Supervisor", t, t);
        jdbc.update(insert, "WANG", t, t);
        jdbc.update(insert, "Wang", t.plusDays(2), t);

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        Map<String, Boolean> users = new TreeMap<>();
        jdbc.query("select username, enabled from users", rs -> {
            users.put(rs.getString(1), rs.getBoolean(2));
        });
        assertThat(users)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("admin", true, "admin-2", false, "li.supervisor", true, "wang", true, "wang-2", false));
        assertThatThrownBy(() -> jdbc.update(insert, "Zhao", t, t)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
