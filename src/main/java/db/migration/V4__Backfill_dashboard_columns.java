package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills V3's dashboard columns for incidents recorded before them, from each row's stored advice: the
 * resolution target ({@code advisedAt}, else {@code reportedAt}, plus {@code resolveWithin}) and the
 * complaint causes. Advice that cannot be read leaves the row as it was (it is then not counted as overdue
 * or by cause, as the dashboard could not count it before either).
 */
public class V4__Backfill_dashboard_columns extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        JsonMapper json = JsonMapper.builder().build();
        Connection connection = context.getConnection();
        try (PreparedStatement read = connection.prepareStatement(
                        "select id, reported_at, advised_at, advice_json from incidents where resolve_by is null");
                PreparedStatement target =
                        connection.prepareStatement("update incidents set resolve_by = ? where id = ?");
                PreparedStatement cause = connection.prepareStatement(
                        "insert into incident_complaint_causes (incident_id, cause) values (?, ?)");
                ResultSet rows = read.executeQuery()) {
            int pending = 0;
            while (rows.next()) {
                long id = rows.getLong("id");
                JsonNode advice;
                try {
                    advice = json.readTree(rows.getString("advice_json"));
                } catch (RuntimeException unreadable) {
                    continue;
                }
                OffsetDateTime from = rows.getObject("advised_at", OffsetDateTime.class);
                if (from == null) {
                    from = rows.getObject("reported_at", OffsetDateTime.class);
                }
                Duration within = duration(advice.path("resolveWithin").asString(""));
                if (within != null && from != null) {
                    target.setObject(1, from.plus(within));
                    target.setLong(2, id);
                    target.addBatch();
                }
                for (JsonNode name : advice.path("complaintCauses")) {
                    cause.setLong(1, id);
                    cause.setString(2, name.asString());
                    cause.addBatch();
                }
                if (++pending % BATCH == 0) {
                    target.executeBatch();
                    cause.executeBatch();
                }
            }
            target.executeBatch();
            cause.executeBatch();
        }
    }

    private static Duration duration(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
