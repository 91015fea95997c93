-- Advice effectiveness: the satisfaction gap after the return visit, counted per rule, principle, action and
-- kind of the advice given, so a report sums a few thousand counts instead of reading every stored advice.
-- Derived data only: kept up to date from incidents (advice_json, fired_rules, the gap of the last visit)
-- before each report. Types chosen to run unchanged on H2 and PostgreSQL.

-- the followed-up incidents counted, with the visit they were counted with
create table insight_incident (
    incident_id      bigint                   not null primary key references incidents (id),
    followed_up_at   timestamp with time zone not null, -- a later visit counts the incident again
    gap              integer                  not null, -- perception - expectation after that visit
    rule_set_version varchar(100)             not null,
    reported_at      timestamp with time zone not null,
    indexed_at       timestamp with time zone not null
);
create index insight_incident_version on insight_incident (rule_set_version, reported_at);

-- how many counted incidents had this gap under this version, for each item of their advice
create table insight_count (
    dimension        varchar(10)  not null, -- ALL (every incident), RULE, PRINCIPLE, ACTION or KIND
    item             varchar(400) not null, -- rule name, principle code, action text code, kind ('' for ALL)
    rule_set_version varchar(100) not null,
    gap              integer      not null,
    incidents        integer      not null,
    primary key (dimension, item, rule_set_version, gap)
);

-- what an action code reads like, in each language it was given in (the first text seen)
create table insight_label (
    dimension varchar(10)   not null,
    item      varchar(400)  not null,
    language  varchar(10)   not null,
    label     varchar(2000) not null,
    primary key (dimension, item, language)
);

-- finding the incidents to count reads only these columns (and the id), never the stored advice
create index incidents_follow_up on incidents (followed_up_at, satisfaction_gap);
