-- Migration 1: single sessions, recurring sessions and their instance overrides.
--
-- Conventions every later migration keeps:
--   * Every table carries tenant_id, and tenant_id leads every primary key and every index, so the data can be
--     split by tenant without a schema change.
--   * Ids are TEXT compared with BINARY collation (ordinal for ASCII ids), the order queries return.
--   * Instants are Unix ticks (100 ns) in INTEGER columns: a start is rounded down and an end rounded up, so a
--     window condition on the columns never drops a row; the JSON body (StoredJson) keeps the exact values.
--   * Durations are INTEGER nanoseconds, as in the JSON body.
--   * Local date-times are ISO text (2025-03-10T09:00:00, fractions only when present), which sorts as it reads.

-- Single sessions. body is StoredJson.Write(Session); the other columns copy what queries look at.
CREATE TABLE sessions (
    tenant_id         TEXT    NOT NULL,
    id                TEXT    NOT NULL COLLATE BINARY,
    schedule_id       TEXT    NOT NULL,
    schedule_owner_id TEXT    NOT NULL,
    type              INTEGER NOT NULL,
    status            INTEGER NOT NULL,
    start_ticks       INTEGER NOT NULL,
    end_ticks         INTEGER NOT NULL,
    revision          INTEGER NOT NULL,
    body              TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Window queries seek by start and return rows in (start, id) order straight from this index.
CREATE INDEX sessions_by_start ON sessions (tenant_id, start_ticks, id);

-- Recurring sessions. body is StoredJson.Write(RecurringSession).
CREATE TABLE recurring_sessions (
    tenant_id                TEXT    NOT NULL,
    id                       TEXT    NOT NULL COLLATE BINARY,
    schedule_id              TEXT    NOT NULL,
    schedule_owner_id        TEXT    NOT NULL,
    type                     INTEGER NOT NULL,
    -- The first instant an instance can start (the series' start read in its zone).
    first_start_ticks        INTEGER NOT NULL,
    -- The span end the core computed, exactly as given (ISO instant), and in ticks; NULL when open-ended.
    span_end                 TEXT,
    span_end_ticks           INTEGER,
    duration_ns              INTEGER NOT NULL,
    -- The longest own duration among the series' overrides; NULL when none has one.
    longest_override_ns      INTEGER,
    -- RecurringSessionRecord.EffectiveSpanEnd in ticks: span_end_ticks widened by how much longest_override_ns
    -- outlasts duration_ns. NULL when open-ended. Kept in step by every write to the series or its overrides.
    effective_span_end_ticks INTEGER,
    revision                 INTEGER NOT NULL,
    body                     TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Window queries select series by span [first start, effective span end); the index covers that test.
CREATE INDEX recurring_sessions_by_span ON recurring_sessions (tenant_id, first_start_ticks, effective_span_end_ticks, id);

-- Instance overrides, keyed by the instance's identity start. body is StoredJson.Write(InstanceOverride).
CREATE TABLE instance_overrides (
    tenant_id            TEXT    NOT NULL,
    recurring_session_id TEXT    NOT NULL COLLATE BINARY,
    identity_start       TEXT    NOT NULL COLLATE BINARY,
    revision             INTEGER NOT NULL,
    -- The instance's own start (rounded down), or NULL when it follows the series.
    moved_start_ticks    INTEGER,
    -- The instance's own duration, or NULL when it follows the series.
    duration_ns          INTEGER,
    body                 TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, recurring_session_id, identity_start)
);

-- Window queries find series with an instance moved into the window.
CREATE INDEX instance_overrides_by_moved_start ON instance_overrides (tenant_id, moved_start_ticks)
    WHERE moved_start_ticks IS NOT NULL;

-- The longest own duration of a series' overrides, read without visiting the overrides that only hold bookings.
CREATE INDEX instance_overrides_by_duration ON instance_overrides (tenant_id, recurring_session_id, duration_ns)
    WHERE duration_ns IS NOT NULL;

-- Per tenant and store: a change version bumped in the same transaction as every write (the core reuses work
-- between pages while it stays the same), and the longest time one item has lasted, which bounds how far before a
-- window a query must seek. It never shrinks; a stale, larger value only widens the seek.
CREATE TABLE tenant_store_state (
    tenant_id      TEXT    NOT NULL,
    store          TEXT    NOT NULL,
    change_version INTEGER NOT NULL,
    longest_ticks  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, store)
) WITHOUT ROWID;
