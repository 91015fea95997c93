package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every attempt to activate a rule set (Flyway V2): who, when, the outcome, the problems, and the
 * files with their content, so an earlier version can be compared and restored.
 */
@Repository
class RuleSetHistory {

    /** What became of an attempt. */
    enum Outcome {
        ACTIVATED,
        REJECTED,
        SAVED
    }

    /**
     * One recorded attempt.
     *
     * @param activeVersion the version running after the attempt
     * @param note          why it was made (reload, rollback to ..., folder saved before a rollback)
     * @param problems      its problems, failed scenarios included
     * @param files         its files, without content
     */
    record Attempt(
            long id,
            String version,
            String attemptedBy,
            OffsetDateTime attemptedAt,
            Outcome outcome,
            String activeVersion,
            String note,
            List<Problem> problems,
            List<FileEntry> files) {}

    /** A file of an attempt. */
    record FileEntry(String path, String sha256, long size) {}

    /** A version that went live and that every instance must serve ({@code advisor.rules.source=database}). */
    record Publication(
            long id, long attemptId, String version, String fullHash, String publishedBy, OffsetDateTime publishedAt) {}

    /** Files an instance is putting through its gate before it publishes them (see V12). */
    record Candidate(long id, String version, String fullHash) {}

    /** Announcements kept: enough for any instance to catch up, few enough to stay small. */
    private static final int CANDIDATES_KEPT = 20;

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    RuleSetHistory(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Transactional
    long record(
            RuleFiles files,
            String version,
            String who,
            Outcome outcome,
            String activeVersion,
            String note,
            List<Problem> problems) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into rule_set_attempt (version, full_hash, attempted_by, attempted_at, outcome, active_version, note, problems)
                        values (:version, :hash, :who, :at, :outcome, :active, :note, :problems)""")
                .param("version", version)
                .param("hash", files.sha256())
                .param("who", who)
                .param("at", OffsetDateTime.now(clock))
                .param("outcome", outcome.name())
                .param("active", activeVersion)
                .param("note", note == null ? null : note.substring(0, Math.min(note.length(), 500)))
                .param("problems", json.writeValueAsString(problems))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
            String sha = storeContent(file.getValue());
            jdbc.sql("insert into rule_set_file (attempt_id, path, sha256, size) values (:id, :path, :sha, :size)")
                    .param("id", id)
                    .param("path", file.getKey())
                    .param("sha", sha)
                    .param("size", (long) file.getValue().length)
                    .update();
        }
        return id;
    }

    /** Stores a file's content once per distinct content; its SHA-256. */
    private String storeContent(byte[] content) {
        String sha = RuleFiles.sha256(content);
        boolean stored = jdbc.sql("select count(*) from rule_file_content where sha256 = :sha")
                        .param("sha", sha)
                        .query(Long.class)
                        .single()
                > 0;
        if (!stored) {
            try {
                // in a savepoint: on PostgreSQL a failed statement would otherwise spoil the whole transaction
                savepoint.executeWithoutResult(
                        status -> jdbc.sql("insert into rule_file_content (sha256, content) values (:sha, :content)")
                                .param("sha", sha)
                                .param("content", content)
                                .update());
            } catch (DuplicateKeyException raced) {
                // another instance stored the same content at the same moment (two starting on an empty database):
                // the content is there, which is all this needs
            }
        }
        return sha;
    }

    /**
     * Announces files this instance is about to put through its gate, so the others can check them at the same
     * time; the oldest announcements beyond the last few are dropped.
     */
    @Transactional
    Candidate announce(RuleFiles files, String version, String who) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into rule_set_candidate (version, full_hash, announced_by, announced_at)
                        values (:version, :hash, :who, :at)""")
                .param("version", version)
                .param("hash", files.sha256())
                .param("who", who)
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
            jdbc.sql("insert into rule_set_candidate_file (candidate_id, path, sha256) values (:id, :path, :sha)")
                    .param("id", id)
                    .param("path", file.getKey())
                    .param("sha", storeContent(file.getValue()))
                    .update();
        }
        jdbc.sql("delete from rule_set_candidate where id <= :old")
                .param("old", id - CANDIDATES_KEPT)
                .update();
        return new Candidate(id, version, files.sha256());
    }

    /** The newest announcement, if any. */
    Optional<Candidate> latestCandidate() {
        return jdbc.sql(
                        "select id, version, full_hash from rule_set_candidate order by id desc fetch first 1 rows only")
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The files of an announcement, with their content (empty when it was dropped meanwhile). */
    @Transactional(readOnly = true)
    Optional<RuleFiles> filesOfCandidate(long candidateId) {
        Map<String, byte[]> files = contents("rule_set_candidate_file", "candidate_id", candidateId);
        return files.isEmpty() ? Optional.empty() : Optional.of(RuleFiles.of(files));
    }

    /** Every attempt, newest first. */
    @Transactional(readOnly = true)
    List<Attempt> attempts() {
        return attempts(0, Integer.MAX_VALUE);
    }

    /** The attempts from {@code offset} on, newest first, at most {@code limit}, each with its files. */
    @Transactional(readOnly = true)
    List<Attempt> attempts(long offset, int limit) {
        List<Attempt> page = jdbc.sql("""
                        select id, version, attempted_by, attempted_at, outcome, active_version, note, problems
                        from rule_set_attempt order by id desc offset :offset rows fetch next :limit rows only""")
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new Attempt(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        Outcome.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        json.readValue(rs.getString(8), PROBLEMS),
                        List.of()))
                .list();
        if (page.isEmpty()) {
            return page;
        }
        // only the files of the attempts on this page
        Map<Long, List<FileEntry>> files = new LinkedHashMap<>();
        jdbc.sql("""
                        select attempt_id, path, sha256, size from rule_set_file
                        where attempt_id between :low and :high order by attempt_id, path""")
                .param("low", page.get(page.size() - 1).id())
                .param("high", page.get(0).id())
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new FileEntry(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return page.stream()
                .map(a -> new Attempt(
                        a.id(),
                        a.version(),
                        a.attemptedBy(),
                        a.attemptedAt(),
                        a.outcome(),
                        a.activeVersion(),
                        a.note(),
                        a.problems(),
                        files.getOrDefault(a.id(), List.of())))
                .toList();
    }

    /** How many attempts there are. */
    long count() {
        return jdbc.sql("select count(*) from rule_set_attempt")
                .query(Long.class)
                .single();
    }

    /** Whether some attempt was made of exactly these files. */
    boolean contains(RuleFiles files) {
        return jdbc.sql("select count(*) from rule_set_attempt where full_hash = :hash")
                        .param("hash", files.sha256())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The files of a version (its latest attempt), with their content. */
    @Transactional(readOnly = true)
    Optional<RuleFiles> files(String version) {
        Optional<Long> attempt = jdbc
                .sql("select id from rule_set_attempt where version = :version order by id desc limit 1")
                .param("version", version)
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
        return attempt.map(this::filesOfAttempt);
    }

    /** The files of one attempt, with their content. */
    @Transactional(readOnly = true)
    RuleFiles filesOfAttempt(long attemptId) {
        return RuleFiles.of(contents("rule_set_file", "attempt_id", attemptId));
    }

    /** Path → content of the files one attempt or announcement lists ({@code table} and {@code key} are constants). */
    private Map<String, byte[]> contents(String table, String key, long id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.sql("select f.path, c.content from " + table
                        + " f join rule_file_content c on c.sha256 = f.sha256 where f." + key + " = :id")
                .param("id", id)
                .query(rs -> {
                    files.put(rs.getString(1), rs.getBytes(2));
                });
        return files;
    }

    /** Makes an activated attempt the version every instance must serve. */
    Publication publish(long attemptId, String version, String fullHash, String who) {
        KeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime at = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into rule_set_publication (attempt_id, version, full_hash, published_by, published_at)
                        values (:attempt, :version, :hash, :who, :at)""")
                .param("attempt", attemptId)
                .param("version", version)
                .param("hash", fullHash)
                .param("who", who)
                .param("at", at)
                .update(keys, "id");
        return new Publication(keys.getKeyAs(Number.class).longValue(), attemptId, version, fullHash, who, at);
    }

    /** The newest publication, if any version was ever published. */
    Optional<Publication> latestPublication() {
        return jdbc.sql("""
                        select id, attempt_id, version, full_hash, published_by, published_at from rule_set_publication
                        order by id desc fetch first 1 rows only""")
                .query((rs, n) -> new Publication(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .optional();
    }
}
