-- Migration 4: the names and units the PostgreSQL store uses, so that both SQL stores read alike and share their
-- code (Scheduling.Stores.Relational). Every row is kept.
--
-- Conventions from here on (both stores):
--   * Instants are Unix ticks (100 ns) in <name>_ticks columns: a start rounded down, an end rounded up. Where a
--     column must give the exact instant back, <name>_nanos beside it holds the nanoseconds past the tick (0 to 99)
--     and <name>_ticks is rounded down.
--   * Durations are whole ticks, rounded up, in <name>_ticks columns; the JSON body keeps the exact values.
--   * Each store keeps its per-tenant change version and longest item in a table of its own:
--     session_changes (version, longest_session_ticks) and recurring_session_changes (version,
--     longest_instance_ticks).

-- Recurring sessions: the span end as ticks and nanoseconds (was ISO text beside rounded-up ticks), durations in
-- ticks (were nanoseconds), and the effective span end by PostgreSQL's rule. The table is rebuilt to drop span_end.
-- effective_span_end_ticks stays a plain column kept in step by the writes (not a generated one, as in PostgreSQL):
-- SQLite does not read a generated column from an index, and the window query needs recurring_sessions_by_span to
-- cover it.
CREATE TABLE recurring_sessions_4 (
    tenant_id                TEXT    NOT NULL,
    id                       TEXT    NOT NULL COLLATE BINARY,
    schedule_id              TEXT    NOT NULL,
    schedule_owner_id        TEXT    NOT NULL,
    type                     INTEGER NOT NULL,
    -- The first instant an instance can start (the series' start read in its zone).
    first_start_ticks        INTEGER NOT NULL,
    -- The span end the core computed: ticks rounded down plus the nanoseconds past them; NULL when open-ended.
    span_end_ticks           INTEGER,
    span_end_nanos           INTEGER NOT NULL DEFAULT 0,
    duration_ticks           INTEGER NOT NULL,
    -- The longest own duration among the series' overrides; NULL when none has one.
    longest_override_ticks   INTEGER,
    -- RecurringSessionRecord.EffectiveSpanEnd, rounded up: the span end widened by how much the longest override
    -- outlasts the series (one tick more, for the rounding of both durations). NULL when open-ended.
    effective_span_end_ticks INTEGER,
    revision                 INTEGER NOT NULL,
    body                     TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- span_end held the exact instant as NodaTime's ISO text (seconds, then up to nine fraction digits, then Z); the
-- eighth and ninth fraction digits are the nanoseconds past the tick. span_end_ticks held the end rounded up.
INSERT INTO recurring_sessions_4 (
    tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, span_end_ticks, span_end_nanos,
    duration_ticks, longest_override_ticks, effective_span_end_ticks, revision, body)
SELECT tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks,
       span_end_ticks - (nanos > 0), nanos,
       (duration_ns + 99) / 100, (longest_override_ns + 99) / 100,
       span_end_ticks + max(coalesce((longest_override_ns + 99) / 100 - (duration_ns + 99) / 100 + 1, 0), 0),
       revision, body
FROM (
    SELECT *,
           CASE WHEN span_end IS NOT NULL AND instr(span_end, '.') > 0
                THEN CAST(substr(substr(span_end, instr(span_end, '.') + 1, length(span_end) - instr(span_end, '.') - 1) || '000000000', 8, 2) AS INTEGER)
                ELSE 0 END AS nanos
    FROM recurring_sessions);

DROP TABLE recurring_sessions;
ALTER TABLE recurring_sessions_4 RENAME TO recurring_sessions;

-- Window queries select series by span [first start, effective span end); the index covers that test.
CREATE INDEX recurring_sessions_by_span ON recurring_sessions (tenant_id, first_start_ticks, effective_span_end_ticks, id);

-- Instance overrides: their own duration in ticks (the partial index follows the renamed column).
ALTER TABLE instance_overrides RENAME COLUMN duration_ns TO duration_ticks;
UPDATE instance_overrides SET duration_ticks = (duration_ticks + 99) / 100 WHERE duration_ticks IS NOT NULL;

-- One change table per store instead of one table keyed by store name.
CREATE TABLE session_changes (
    tenant_id             TEXT    NOT NULL PRIMARY KEY,
    version               INTEGER NOT NULL,
    longest_session_ticks INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE recurring_session_changes (
    tenant_id              TEXT    NOT NULL PRIMARY KEY,
    version                INTEGER NOT NULL,
    longest_instance_ticks INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO session_changes (tenant_id, version, longest_session_ticks)
SELECT tenant_id, change_version, longest_ticks FROM tenant_store_state WHERE store = 'sessions';

INSERT INTO recurring_session_changes (tenant_id, version, longest_instance_ticks)
SELECT tenant_id, change_version, longest_ticks FROM tenant_store_state WHERE store = 'recurring_sessions';

DROP TABLE tenant_store_state;

-- Attendance: created and updated instants as ticks and nanoseconds (were ISO text). unixepoch() reads the whole
-- seconds; the first seven fraction digits are the ticks within the second, the next two the nanoseconds.
ALTER TABLE attendance ADD COLUMN created_at_ticks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN created_at_nanos INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN updated_at_ticks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN updated_at_nanos INTEGER NOT NULL DEFAULT 0;

UPDATE attendance SET
    created_at_ticks = unixepoch(substr(created_at, 1, 19)) * 10000000
        + CAST(substr(CASE WHEN instr(created_at, '.') > 0 THEN substr(created_at, instr(created_at, '.') + 1, length(created_at) - instr(created_at, '.') - 1) ELSE '' END || '000000000', 1, 7) AS INTEGER),
    created_at_nanos = CAST(substr(CASE WHEN instr(created_at, '.') > 0 THEN substr(created_at, instr(created_at, '.') + 1, length(created_at) - instr(created_at, '.') - 1) ELSE '' END || '000000000', 8, 2) AS INTEGER),
    updated_at_ticks = unixepoch(substr(updated_at, 1, 19)) * 10000000
        + CAST(substr(CASE WHEN instr(updated_at, '.') > 0 THEN substr(updated_at, instr(updated_at, '.') + 1, length(updated_at) - instr(updated_at, '.') - 1) ELSE '' END || '000000000', 1, 7) AS INTEGER),
    updated_at_nanos = CAST(substr(CASE WHEN instr(updated_at, '.') > 0 THEN substr(updated_at, instr(updated_at, '.') + 1, length(updated_at) - instr(updated_at, '.') - 1) ELSE '' END || '000000000', 8, 2) AS INTEGER);

ALTER TABLE attendance DROP COLUMN created_at;
ALTER TABLE attendance DROP COLUMN updated_at;
