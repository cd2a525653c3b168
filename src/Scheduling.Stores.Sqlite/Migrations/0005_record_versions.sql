-- Migration 5: a version on every series row, so a store recognises an unchanged series by its id and version alone
-- (Scheduling.Stores.RecurringSessionRecord.Version) instead of comparing stored texts. Every row is kept.
--
-- A write of a series, or of any of its overrides, sets version to the tenant's change version after that write's
-- bump (recurring_session_changes.version, which never goes back), so a series id in a tenant never has the same
-- version twice, not even once deleted and added again. Rows written before this migration take the tenant's current
-- change version: every later write has a larger one. (A tenant without a change row, which no store write leaves,
-- gets 0; its first write is version 1.)
ALTER TABLE recurring_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

UPDATE recurring_sessions
SET version = coalesce(
    (SELECT c.version FROM recurring_session_changes AS c WHERE c.tenant_id = recurring_sessions.tenant_id), 0);
