-- V3: what the dashboard counts, as columns it can aggregate in SQL instead of reading every stored advice:
-- the resolution target (when the advice says it must be resolved by) and the advised complaint causes.
-- Rows recorded before are filled from their stored advice by V4 (a Java migration).
alter table incidents add column resolve_by timestamp with time zone;

create index incidents_status_resolve_by on incidents (status, resolve_by);

create table incident_complaint_causes (
    incident_id bigint      not null references incidents (id),
    cause       varchar(30) not null,
    primary key (incident_id, cause)
);

create index incident_complaint_causes_cause on incident_complaint_causes (cause);
