-- A version on every series row, so a store recognises an unchanged series by its id and version alone
-- (Scheduling.Stores.RecurringSessionRecord.Version) instead of comparing stored texts. Every row is kept.
--
-- A write of a series, or of any of its overrides, sets version to the next value of recurring_session_versions:
-- unique in the schema, never reused (a series deleted and added again under its id gets a new one), and taken
-- without a lock, so hosts never wait on each other for it. Rows written before this migration each take one now.
-- The sequence holds no tenant's data and is not a table, so distributing the tables by tenant is unaffected.

CREATE SEQUENCE recurring_session_versions AS bigint;

ALTER TABLE recurring_sessions ADD COLUMN version bigint NOT NULL DEFAULT nextval('recurring_session_versions');
ALTER TABLE recurring_sessions ALTER COLUMN version DROP DEFAULT;
ALTER SEQUENCE recurring_session_versions OWNED BY recurring_sessions.version;
