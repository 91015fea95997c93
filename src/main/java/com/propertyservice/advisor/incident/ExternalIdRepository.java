package com.propertyservice.advisor.incident;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code incident_external_id} table (Flyway V8): which incident a caller recorded under an externalId, and a
 * fingerprint of what it sent. Its primary key (caller, externalId) is what makes recording idempotent, also for
 * two requests racing on two instances: the second insert waits for the first and then fails.
 */
@Repository
class ExternalIdRepository {

    /** An incident recorded under an externalId, and the fingerprint of the request that recorded it. */
    record Claim(long incidentId, String requestHash) {}

    private final JdbcClient jdbc;

    ExternalIdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Claim> find(String caller, String externalId) {
        return jdbc.sql(
                        "select incident_id, request_hash from incident_external_id where caller = :caller and external_id = :id")
                .param("caller", caller)
                .param("id", externalId)
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the caller already used this externalId */
    void insert(String caller, String externalId, long incidentId, String requestHash) {
        jdbc.sql("""
                        insert into incident_external_id (caller, external_id, incident_id, request_hash)
                        values (:caller, :id, :incident, :hash)""")
                .param("caller", caller)
                .param("id", externalId)
                .param("incident", incidentId)
                .param("hash", requestHash)
                .update();
    }
}
