package com.propertyservice.advisor.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Roles are one column of comma-separated {@link Role} names. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(String username) {
        return jdbc.sql("select * from users where username = :username")
                .param("username", username)
                .query(UserRepository::account)
                .optional();
    }

    boolean existsById(String username) {
        return jdbc.sql("select count(*) from users where username = :username")
                        .param("username", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    /** Every user, by name. */
    List<UserAccount> findAllByUsername() {
        return jdbc.sql("select * from users order by username")
                .query(UserRepository::account)
                .list();
    }

    void insert(UserAccount account) {
        jdbc.sql("""
                        insert into users (username, password_hash, roles, enabled, created_at, created_by, updated_at)
                        values (:username, :passwordHash, :roles, :enabled, :createdAt, :createdBy, :updatedAt)""").params(columns(account)).update();
    }

    /** Writes what can change about a user: password, roles, whether enabled, and when it changed. */
    void update(UserAccount account) {
        jdbc.sql("""
                        update users set password_hash = :passwordHash, roles = :roles, enabled = :enabled,
                                         updated_at = :updatedAt
                        where username = :username""").params(columns(account)).update();
    }

    private static Map<String, Object> columns(UserAccount account) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("username", account.username());
        columns.put("passwordHash", account.passwordHash());
        columns.put("roles", account.roles().stream().map(Role::name).collect(Collectors.joining(",")));
        columns.put("enabled", account.enabled());
        columns.put("createdAt", account.createdAt());
        columns.put("createdBy", account.createdBy());
        columns.put("updatedAt", account.updatedAt());
        return columns;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Arrays.stream(rs.getString("roles").split(","))
                .filter(name -> !name.isBlank())
                .map(Role::valueOf)
                .collect(Collectors.toSet());
        return new UserAccount(
                rs.getString("username"),
                rs.getString("password_hash"),
                roles,
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
