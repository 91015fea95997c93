-- V8: idempotent recording. A caller (a user, or an API key) that sends the same externalId again gets the
-- incident it recorded first, never a second one: the primary key makes it so, also for two requests racing
-- on two instances. A table beside incidents, so the incidents table keeps its shape.
create table incident_external_id (
    caller       varchar(100) not null, -- the username, or api-key:<16 hex digits of the key's SHA-256>
    external_id  varchar(64)  not null,
    incident_id  bigint       not null references incidents (id),
    request_hash varchar(64)  not null, -- SHA-256 of the request as parsed: a reuse with other content is refused
    constraint incident_external_id_pk primary key (caller, external_id)
);
