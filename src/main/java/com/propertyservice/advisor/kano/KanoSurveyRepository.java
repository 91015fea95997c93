package com.propertyservice.advisor.kano;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code kano_survey} and {@code kano_answer_count}; rows are mapped column by column
 * (never by {@code query(Record.class)}, whose name guessing floods H2's trace file).
 */
@Repository
class KanoSurveyRepository {

    private static final String SURVEY_COLUMNS = """
            id, title, file_name, format, encoding, uploaded_by, uploaded_at, rule_set_version, respondents,
            answers, unreadable_rows, row_problems""";

    /** A stored survey without its counts. */
    record StoredSurvey(
            long id,
            String title,
            String fileName,
            String format,
            String encoding,
            String uploadedBy,
            OffsetDateTime uploadedAt,
            String ruleSetVersion,
            int respondents,
            int answers,
            int unreadableRows,
            String rowProblemsJson) {}

    private final JdbcClient jdbc;

    KanoSurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a survey (its id is ignored) with the counts of each item, in the items' order; returns its id. */
    long insert(StoredSurvey survey, Map<String, int[][]> counts) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into kano_survey (title, file_name, format, encoding, uploaded_by, uploaded_at,
                                                 rule_set_version, respondents, answers, unreadable_rows, row_problems)
                        values (:title, :fileName, :format, :encoding, :uploadedBy, :uploadedAt,
                                :ruleSetVersion, :respondents, :answers, :unreadableRows, :rowProblemsJson)""").paramSource(survey).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int position = 0;
        for (Map.Entry<String, int[][]> item : counts.entrySet()) {
            int[][] pairs = item.getValue();
            for (int f = 0; f < pairs.length; f++) {
                for (int d = 0; d < pairs[f].length; d++) {
                    if (pairs[f][d] > 0) {
                        jdbc.sql("""
                                        insert into kano_answer_count (survey_id, position, item, functional, dysfunctional, answers)
                                        values (:survey, :position, :item, :functional, :dysfunctional, :answers)""")
                                .param("survey", id)
                                .param("position", position)
                                .param("item", item.getKey())
                                .param("functional", f + 1)
                                .param("dysfunctional", d + 1)
                                .param("answers", pairs[f][d])
                                .update();
                    }
                }
            }
            position++;
        }
        return id;
    }

    Optional<StoredSurvey> find(long id) {
        return jdbc.sql("select " + SURVEY_COLUMNS + " from kano_survey where id = :id")
                .param("id", id)
                .query(KanoSurveyRepository::survey)
                .optional();
    }

    /** The surveys, newest first, from {@code offset} on, at most {@code limit}. */
    List<StoredSurvey> page(long offset, int limit) {
        return jdbc.sql("select " + SURVEY_COLUMNS
                        + " from kano_survey order by id desc offset :offset rows fetch next :limit rows only")
                .param("offset", offset)
                .param("limit", limit)
                .query(KanoSurveyRepository::survey)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from kano_survey").query(Long.class).single();
    }

    /** How many items each of the given surveys has. */
    Map<Long, Integer> itemCounts(List<Long> surveys) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        if (surveys.isEmpty()) {
            return counts;
        }
        jdbc.sql(
                        "select survey_id, count(distinct item) from kano_answer_count where survey_id in (:ids) group by survey_id")
                .param("ids", surveys)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** The 5 × 5 answer counts of each item of a survey, in the items' order. */
    Map<String, int[][]> counts(long survey) {
        Map<String, int[][]> counts = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                        select item, functional, dysfunctional, answers from kano_answer_count
                        where survey_id = :survey order by position, functional, dysfunctional""").param("survey", survey).query(rs -> {
            rows.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)});
        });
        for (Object[] row : rows) {
            int[][] pairs =
                    counts.computeIfAbsent((String) row[0], k -> new int[KanoAnalysis.HIGHEST][KanoAnalysis.HIGHEST]);
            pairs[(int) row[1] - 1][(int) row[2] - 1] = (int) row[3];
        }
        return counts;
    }

    private static StoredSurvey survey(ResultSet rs, int row) throws SQLException {
        return new StoredSurvey(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("file_name"),
                rs.getString("format"),
                rs.getString("encoding"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getString("rule_set_version"),
                rs.getInt("respondents"),
                rs.getInt("answers"),
                rs.getInt("unreadable_rows"),
                rs.getString("row_problems"));
    }
}
