package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usernames become case-insensitive: every name is stored in lower case, and a check constraint keeps it so.
 * Where two users differ only in case ({@code Admin} and {@code admin}), the one already in lower case, else
 * the oldest, keeps the name; each other is renamed {@code <name>-2}, {@code -3}, ... and disabled, and the
 * log says so, for an administrator to sort out. Records that name a user (who recorded, resolved, visited)
 * keep the name as it was written then.
 */
public class V5__Usernames_case_insensitive extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V5__Usernames_case_insensitive.class);

    private record User(String name, Timestamp createdAt) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, List<User>> byLowerCase = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        try (Statement select = connection.createStatement();
                ResultSet rows =
                        select.executeQuery("select username, created_at from users order by created_at, username")) {
            while (rows.next()) {
                User user = new User(rows.getString(1), rows.getTimestamp(2));
                byLowerCase
                        .computeIfAbsent(lower(user.name()), k -> new ArrayList<>())
                        .add(user);
                taken.add(lower(user.name()));
            }
        }
        try (PreparedStatement rename =
                        connection.prepareStatement("update users set username = ? where username = ?");
                PreparedStatement renameDisabled = connection.prepareStatement(
                        "update users set username = ?, enabled = false where username = ?")) {
            for (Map.Entry<String, List<User>> group : byLowerCase.entrySet()) {
                String canonical = group.getKey();
                List<User> users = group.getValue();
                User keeper = users.stream()
                        .filter(u -> u.name().equals(canonical))
                        .findFirst()
                        .orElse(users.get(0));
                int suffix = 2;
                for (User user : users) {
                    if (user == keeper) {
                        if (!user.name().equals(canonical)) {
                            rename.setString(1, canonical);
                            rename.setString(2, user.name());
                            rename.executeUpdate();
                        }
                        continue;
                    }
                    String renamed;
                    do {
                        String tail = "-" + suffix++;
                        renamed = canonical.substring(0, Math.min(canonical.length(), 50 - tail.length())) + tail;
                    } while (!taken.add(renamed));
                    renameDisabled.setString(1, renamed);
                    renameDisabled.setString(2, user.name());
                    renameDisabled.executeUpdate();
                    log.warn(
                            "users '{}' and '{}' differ only in case: '{}' is now '{}' and disabled",
                            keeper.name(),
                            user.name(),
                            user.name(),
                            renamed);
                }
            }
        }
        try (Statement constraint = connection.createStatement()) {
            constraint.execute(
                    "alter table users add constraint users_username_lower_case check (username = lower(username))");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
