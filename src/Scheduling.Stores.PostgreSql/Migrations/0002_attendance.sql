-- Attendance: whether the participants of a booking came to a session or an instance (issue 5).
--
-- Same conventions as 0001: tenant_id leads every key and index (ready for distribution by tenant), ids are
-- text COLLATE "C" (ORDER BY id is byte order, ordinal for ASCII ids), instants are unix ticks.
--
-- An attendance is a handful of scalars, so it is stored as columns, without a JSON body. Instants are exact: the
-- floored unix tick (100 ns) and the nanoseconds past it (0 to 99), as recurring_sessions.span_end_* are.
--
-- Queries are keyset seeks in one of two orders, (id) or (number_of_attendees, id), read either way: over the whole
-- tenant, or within a booking, a session (or instance) or a recurring session. Each of these scopes has an index in
-- each order, so a page is an index range scan that starts at the keyset position and stops after the page, whatever
-- the position. The primary key serves the id order over the whole tenant.
--
-- No change row: nothing reads a version of a tenant's attendance, and a row bumped by every write would make all of
-- a tenant's attendance writes wait on each other.

CREATE TABLE attendance (
    tenant_id             text COLLATE "C" NOT NULL,
    id                    text COLLATE "C" NOT NULL,
    booking_id            text COLLATE "C" NOT NULL,
    -- The single session's id, or the instance's stable id.
    session_id            text COLLATE "C" NOT NULL,
    -- The series the instance belongs to; NULL for a single session.
    recurring_session_id  text COLLATE "C" NULL,
    -- Scheduling.Attendance.AttendanceStatus: 0 NOT_SET, 1 ATTENDED, 2 NOT_ATTENDED.
    status                smallint NOT NULL,
    number_of_attendees   integer NOT NULL,
    revision              bigint NOT NULL,
    created_at_ticks      bigint NOT NULL,
    created_at_nanos      smallint NOT NULL,
    updated_at_ticks      bigint NOT NULL,
    updated_at_nanos      smallint NOT NULL,
    CONSTRAINT attendance_pkey PRIMARY KEY (tenant_id, id),
    -- At most one attendance per booking and session; also the lookup by booking and session.
    CONSTRAINT attendance_booking_session_key UNIQUE (tenant_id, booking_id, session_id)
);

CREATE INDEX attendance_by_number ON attendance (tenant_id, number_of_attendees, id);

CREATE INDEX attendance_by_booking ON attendance (tenant_id, booking_id, id);
CREATE INDEX attendance_by_booking_number ON attendance (tenant_id, booking_id, number_of_attendees, id);

-- Also what a summary per session groups.
CREATE INDEX attendance_by_session ON attendance (tenant_id, session_id, id);
CREATE INDEX attendance_by_session_number ON attendance (tenant_id, session_id, number_of_attendees, id);

-- Attendance at single sessions never matches a filter on series, so it is left out of these.
CREATE INDEX attendance_by_recurring_session ON attendance (tenant_id, recurring_session_id, id)
    WHERE recurring_session_id IS NOT NULL;
CREATE INDEX attendance_by_recurring_session_number ON attendance (tenant_id, recurring_session_id, number_of_attendees, id)
    WHERE recurring_session_id IS NOT NULL;
