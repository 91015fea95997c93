package com.propertyservice.advisor.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insight tables (V11): which followed-up incidents are counted, with the visit they were counted
 * with, and how many of them had each gap under each rule-set version, per rule, principle, action and
 * kind their stored advice names. A report then sums a few thousand counts in SQL.
 *
 * <p>Kept up to date before each report by comparing two narrow reads (incidents' last visit, the
 * visits counted): incidents followed up since are counted, ones visited again are taken out with
 * their old gap and counted with the new one, ones that lost their gap are taken out. Stored advice
 * never changes, so nothing else can go stale.
 */
@Repository
class InsightIndex {

    /** What is counted: every incident, and each rule, principle, action and kind of its advice. */
    enum Dimension {
        ALL,
        RULE,
        PRINCIPLE,
        ACTION,
        KIND
    }

    /** A kind for advice stored before the contract had kinds. */
    static final String KIND_NOT_RECORDED = "NOT_RECORDED";

    static final int MAX_ITEM = 400;
    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(InsightIndex.class);

    /**
     * The sums of one group under one rule-set version.
     *
     * @param gapSum the sum of the gaps
     */
    record Counts(
            String dimension, String item, String version, long count, long gapSum, long satisfied, long negative) {}

    /** The reports counted under a rule-set version: the earliest and the latest. */
    record Span(OffsetDateTime first, OffsetDateTime last) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();

    InsightIndex(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Brings the counts up to date; returns how many incidents were counted (again). One refresh at a
     * time in this instance; another instance counting the same incident at the same moment makes a
     * batch fail on its key, and the comparison is made again.
     */
    int refresh() {
        refreshing.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return refreshOnce();
                } catch (DataIntegrityViolationException race) {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw race;
                    }
                    log.info(
                            "insight index: counted meanwhile elsewhere ({}); comparing again",
                            race.getMostSpecificCause().getMessage());
                }
            }
        } finally {
            refreshing.unlock();
        }
    }

    /** The sums per dimension, item and version, of one version or (null) all. */
    List<Counts> counts(String version) {
        return jdbc.sql("""
                        select dimension, item, rule_set_version, sum(incidents), sum(incidents * gap),
                               sum(case when gap >= 0 then incidents else 0 end), sum(case when gap < 0 then incidents else 0 end)
                        from insight_count where incidents > 0""" + (version == null ? "" : " and rule_set_version = :version")
                        + " group by dimension, item, rule_set_version")
                .params(version == null ? Map.of() : Map.of("version", version))
                .query(InsightIndex::counts)
                .list();
    }

    /** When the incidents counted under each version were reported. */
    Map<String, Span> spans() {
        Map<String, Span> spans = new HashMap<>();
        jdbc.sql(
                        "select rule_set_version, min(reported_at), max(reported_at) from insight_incident group by rule_set_version")
                .query(rs -> {
                    spans.put(
                            rs.getString(1),
                            new Span(rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)));
                });
        return spans;
    }

    /** What each item of a dimension reads like in {@code language}, else in any language it was given in. */
    Map<String, String> labels(Dimension dimension, String language) {
        Map<String, String> labels = new HashMap<>();
        jdbc.sql("select item, language, label from insight_label where dimension = :dimension")
                .param("dimension", dimension.name())
                .query(rs -> {
                    String item = rs.getString(1);
                    if (language.equals(rs.getString(2)) || !labels.containsKey(item)) {
                        labels.put(item, rs.getString(3));
                    }
                });
        return labels;
    }

    private static Counts counts(ResultSet rs, int row) throws SQLException {
        return new Counts(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7));
    }

    /** The last visit of an incident, or the visit it was counted with. */
    private record Visit(int gap, OffsetDateTime at) {
        boolean sameAs(Visit other) {
            return other != null && gap == other.gap && at.toInstant().equals(other.at.toInstant());
        }
    }

    private int refreshOnce() {
        Map<Long, Visit> current = new HashMap<>();
        jdbc.sql(
                        "select id, satisfaction_gap, followed_up_at from incidents where followed_up_at is not null and satisfaction_gap is not null")
                .query(rs -> {
                    current.put(rs.getLong(1), new Visit(rs.getInt(2), rs.getObject(3, OffsetDateTime.class)));
                });
        Map<Long, Visit> counted = new HashMap<>();
        jdbc.sql("select incident_id, gap, followed_up_at from insight_incident")
                .query(rs -> {
                    counted.put(rs.getLong(1), new Visit(rs.getInt(2), rs.getObject(3, OffsetDateTime.class)));
                });
        List<Long> stale = new ArrayList<>();
        counted.forEach((id, visit) -> {
            if (!visit.sameAs(current.get(id))) {
                stale.add(id);
            }
        });
        List<Long> pending = new ArrayList<>();
        current.forEach((id, visit) -> {
            if (!visit.sameAs(counted.get(id))) {
                pending.add(id);
            }
        });
        if (stale.isEmpty() && pending.isEmpty()) {
            return 0;
        }
        Collections.sort(stale);
        Collections.sort(pending);
        for (int from = 0; from < stale.size(); from += BATCH) {
            List<Long> ids = stale.subList(from, Math.min(stale.size(), from + BATCH));
            transaction.executeWithoutResult(status -> uncount(ids));
        }
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<Long> ids = pending.subList(from, Math.min(pending.size(), from + BATCH));
            transaction.executeWithoutResult(status -> count(ids));
        }
        log.info("insight index: {} incidents counted, {} taken out", pending.size(), stale.size());
        return pending.size();
    }

    /** An incident as it is counted: its visit, version and report time, and its advice. */
    private record Counted(
            long id,
            int gap,
            OffsetDateTime followedUpAt,
            OffsetDateTime reportedAt,
            String version,
            String language,
            Advice advice) {}

    /** What an incident's stored advice names, per dimension, and the text of each action code. */
    private record Advice(Map<Dimension, Set<String>> items, Map<String, String> actionTexts) {}

    /**
     * Takes incidents out of the counts with the gap they were counted with. Each is subtracted only
     * when this transaction deleted its row, so another instance taking it out at the same moment
     * (its delete waits for ours, then finds nothing) never subtracts it twice.
     */
    private void uncount(List<Long> ids) {
        Map<List<Object>, Integer> deltas = new LinkedHashMap<>();
        for (Counted incident : read(ids, """
                select i.id, x.gap, x.followed_up_at, x.reported_at, x.rule_set_version, i.language, i.advice_json, i.fired_rules
                from insight_incident x join incidents i on i.id = x.incident_id where x.incident_id in (:ids)""")) {
            int deleted = jdbc.sql("delete from insight_incident where incident_id = :id and gap = :gap")
                    .param("id", incident.id())
                    .param("gap", incident.gap())
                    .update();
            if (deleted == 1) {
                add(deltas, incident, -1);
            }
        }
        apply(deltas);
    }

    /** Counts followed-up incidents with their last visit's gap. */
    private void count(List<Long> ids) {
        List<Counted> incidents = read(ids, """
                select id, satisfaction_gap, followed_up_at, reported_at, rule_set_version, language, advice_json, fired_rules
                from incidents where id in (:ids) and followed_up_at is not null and satisfaction_gap is not null""");
        if (incidents.isEmpty()) {
            return;
        }
        Set<String> knownLabels =
                new HashSet<>(jdbc.sql("select dimension || '|' || item || '|' || language from insight_label")
                        .query(String.class)
                        .list());
        Map<List<Object>, Integer> deltas = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> labels = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Counted incident : incidents) {
            rows.add(new Object[] {
                incident.id(), incident.followedUpAt(), incident.gap(), incident.version(), incident.reportedAt(), now
            });
            add(deltas, incident, 1);
            incident.advice().actionTexts().forEach((code, text) -> {
                if (knownLabels.add(Dimension.ACTION + "|" + code + "|" + incident.language())) {
                    labels.add(new Object[] {Dimension.ACTION.name(), code, incident.language(), text});
                }
            });
        }
        batch.batchUpdate("""
                insert into insight_incident (incident_id, followed_up_at, gap, rule_set_version, reported_at, indexed_at)
                values (?, ?, ?, ?, ?, ?)""", rows);
        apply(deltas);
        if (!labels.isEmpty()) {
            batch.batchUpdate(
                    "insert into insight_label (dimension, item, language, label) values (?, ?, ?, ?)", labels);
        }
    }

    private List<Counted> read(List<Long> ids, String sql) {
        return jdbc.sql(sql)
                .param("ids", ids)
                .query((rs, n) -> new Counted(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5),
                        rs.getString(6),
                        advice(rs.getString(7), rs.getString(8))))
                .list();
    }

    private static void add(Map<List<Object>, Integer> deltas, Counted incident, int delta) {
        deltas.merge(List.of(Dimension.ALL.name(), "", incident.version(), incident.gap()), delta, Integer::sum);
        incident.advice()
                .items()
                .forEach((dimension, items) -> items.forEach(item -> deltas.merge(
                        List.of(dimension.name(), item, incident.version(), incident.gap()), delta, Integer::sum)));
    }

    /** Adds each delta to its count, creating the count the first time (a key met meanwhile fails the batch, which is redone). */
    private void apply(Map<List<Object>, Integer> deltas) {
        List<Object[]> updates = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                updates.add(new Object[] {delta, key.get(0), key.get(1), key.get(2), key.get(3)});
            }
        });
        int[] updated = batch.batchUpdate("""
                update insight_count set incidents = incidents + ?
                where dimension = ? and item = ? and rule_set_version = ? and gap = ?""", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] update = updates.get(i);
                inserts.add(new Object[] {update[1], update[2], update[3], update[4], update[0]});
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate(
                    "insert into insight_count (dimension, item, rule_set_version, gap, incidents) values (?, ?, ?, ?, ?)",
                    inserts);
        }
    }

    /** Reads stored advice as a tree, so advice written by older or newer versions (with or without kind) reads alike. */
    private Advice advice(String adviceJson, String firedRules) {
        Map<Dimension, Set<String>> items = new EnumMap<>(Dimension.class);
        Map<String, String> texts = new HashMap<>();
        JsonNode advice = json.readTree(adviceJson);
        Set<String> rules = new LinkedHashSet<>();
        json.readTree(firedRules).forEach(rule -> rules.add(item(rule.asString())));
        items.put(Dimension.RULE, rules);
        Set<String> principles = new LinkedHashSet<>();
        advice.path("principles")
                .forEach(p -> principles.add(item(p.path("code").asString(""))));
        items.put(Dimension.PRINCIPLE, principles);
        Set<String> actions = new LinkedHashSet<>();
        advice.path("actions").forEach(action -> {
            String text = action.path("text").asString("");
            // advice stored before actions carried their text code is counted by its text
            String code = item(action.path("code").asString(text));
            if (!code.isBlank()) {
                actions.add(code);
                texts.putIfAbsent(code, text.length() <= 2000 ? text : text.substring(0, 2000));
            }
        });
        items.put(Dimension.ACTION, actions);
        String kind = advice.path("kind").asString(null);
        items.put(
                Dimension.KIND,
                new LinkedHashSet<>(List.of(kind == null || kind.isBlank() ? KIND_NOT_RECORDED : item(kind))));
        items.values().forEach(set -> set.removeIf(String::isBlank));
        return new Advice(items, texts);
    }

    private static String item(String value) {
        return value.length() <= MAX_ITEM ? value : value.substring(0, MAX_ITEM);
    }
}
