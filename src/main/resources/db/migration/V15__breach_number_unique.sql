-- V15: the n-th breach of an incident is one breach. Two breach checks of one incident running at the same moment on
-- two instances (its response and resolution deadlines passed together while every instance was down) could both
-- count the same earlier breaches and take the same number; with this key the second fails, its step rolls back
-- with its claim, and db-scheduler runs it again later, when it counts the first.
create unique index incident_breach_number on incident_breach (incident_id, number);
