-- Sessions, recurring sessions and their instance overrides (issue 4).
--
-- Applied by PostgreSqlSchema in one transaction, under an advisory lock, into the first schema of the search path.
-- Shaped for distribution by tenant (for example Citus: create_distributed_table('<table>', 'tenant_id')) without a
-- schema change: every table carries tenant_id, and tenant_id leads every primary key, foreign key and index.
--
-- Conventions:
--   * ids are text COLLATE "C", so ORDER BY id is byte order, which is ordinal order for ASCII ids.
--   * instants are unix ticks (100 ns, bigint). Starts are floored and ends are ceiled, so a tick column never narrows
--     what a query selects; the exact values live in the JSON body (see Scheduling.Stores.Serialization.StoredJson).
--   * body holds the aggregate in the stored JSON form, as text: kept byte for byte, cheap to write and read, and free
--     of jsonb's refusal of \u0000 escapes (a title may hold any character). The other columns are copies of what
--     queries look at; a later migration can add jsonb expressions or columns where a query needs to look inside.
--   * the *_changes rows are bumped in the same transaction as every write of their tenant.

CREATE TABLE sessions (
    tenant_id          text COLLATE "C" NOT NULL,
    id                 text COLLATE "C" NOT NULL,
    schedule_id        text COLLATE "C" NOT NULL,
    schedule_owner_id  text COLLATE "C" NOT NULL,
    type               smallint NOT NULL,
    status             smallint NOT NULL,
    start_ticks        bigint NOT NULL,
    end_ticks          bigint NOT NULL,
    revision           bigint NOT NULL,
    body               text NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (tenant_id, id)
);

-- Window queries seek (tenant, start) and read in result order (start, id); the keyset position continues the seek.
CREATE INDEX sessions_by_start ON sessions (tenant_id, start_ticks, id);

-- The same for the common query of one schedule (a room's, a coach's calendar).
CREATE INDEX sessions_by_schedule_start ON sessions (tenant_id, schedule_id, start_ticks, id);

-- Per tenant: a number that changes with every write, and the longest any session has lasted (never shrinks), which
-- bounds how far before a window a seek must start to find sessions still running at its start.
CREATE TABLE session_changes (
    tenant_id              text COLLATE "C" NOT NULL,
    version                bigint NOT NULL,
    longest_session_ticks  bigint NOT NULL,
    CONSTRAINT session_changes_pkey PRIMARY KEY (tenant_id)
);

CREATE TABLE recurring_sessions (
    tenant_id                 text COLLATE "C" NOT NULL,
    id                        text COLLATE "C" NOT NULL,
    schedule_id               text COLLATE "C" NOT NULL,
    schedule_owner_id         text COLLATE "C" NOT NULL,
    type                      smallint NOT NULL,
    -- The first instant an instance can start (floored).
    first_start_ticks         bigint NOT NULL,
    -- The series' duration (ceiled).
    duration_ticks            bigint NOT NULL,
    -- The span end the core computed (the latest instant an instance can end), exactly: floored ticks plus the
    -- nanoseconds below a tick. NULL when the series never ends.
    span_end_ticks            bigint NULL,
    span_end_nanos            smallint NOT NULL DEFAULT 0,
    -- The longest own duration of any of its instance overrides (ceiled), NULL when none has one.
    longest_override_ticks    bigint NULL,
    -- RecurringSessionRecord.EffectiveSpanEnd, ceiled (one tick of slack for the rounding of the two durations).
    effective_span_end_ticks  bigint GENERATED ALWAYS AS (
        span_end_ticks
        + CASE WHEN span_end_nanos > 0 THEN 1 ELSE 0 END
        + GREATEST(longest_override_ticks - duration_ticks + 1, 0)) STORED,
    revision                  bigint NOT NULL,
    body                      text NOT NULL,
    CONSTRAINT recurring_sessions_pkey PRIMARY KEY (tenant_id, id)
);

-- "The span [first start, effective span end) overlaps the window": seek the spans that end after the window starts
-- (open-ended ones sort last), and test the first start in the index.
CREATE INDEX recurring_sessions_by_span ON recurring_sessions (
    tenant_id,
    (COALESCE(effective_span_end_ticks, 9223372036854775807)),
    first_start_ticks);

CREATE TABLE instance_overrides (
    tenant_id             text COLLATE "C" NOT NULL,
    recurring_session_id  text COLLATE "C" NOT NULL,
    -- The instance's identity start, an ISO local date-time ('2025-03-10T09:00:00', fractions of a second only when
    -- there are any), which sorts in time order under COLLATE "C".
    identity_start        text COLLATE "C" NOT NULL,
    revision              bigint NOT NULL,
    -- The instance's own start (floored), NULL when it follows the series.
    moved_start_ticks     bigint NULL,
    -- The instance's own duration (ceiled), NULL when it follows the series.
    duration_ticks        bigint NULL,
    body                  text NOT NULL,
    CONSTRAINT instance_overrides_pkey PRIMARY KEY (tenant_id, recurring_session_id, identity_start),
    CONSTRAINT instance_overrides_series_fkey FOREIGN KEY (tenant_id, recurring_session_id)
        REFERENCES recurring_sessions (tenant_id, id) ON DELETE CASCADE
);

-- Instances moved on their own make their series a candidate for a window its span may not reach.
CREATE INDEX instance_overrides_by_moved_start ON instance_overrides (tenant_id, moved_start_ticks)
    WHERE moved_start_ticks IS NOT NULL;

-- Per tenant: a number that changes with every write, and the longest any series or instance has lasted (never
-- shrinks), which bounds how far before a window the seek for moved instances must start.
CREATE TABLE recurring_session_changes (
    tenant_id               text COLLATE "C" NOT NULL,
    version                 bigint NOT NULL,
    longest_instance_ticks  bigint NOT NULL,
    CONSTRAINT recurring_session_changes_pkey PRIMARY KEY (tenant_id)
);
