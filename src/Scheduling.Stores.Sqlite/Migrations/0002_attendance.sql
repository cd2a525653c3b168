-- Migration 2: attendance, whether the participants of a booking came to a session or an instance (issue 5).
--
-- Same conventions as migration 1: tenant_id leads every key and index, and ids are TEXT compared with BINARY
-- collation (byte order of UTF-8, which is ordinal for ASCII ids).
--
-- An attendance is a handful of scalars, so it is stored as columns, without a JSON body. Nothing queries its
-- instants, so they are kept exactly, as ISO text (ColumnValues.Text).
--
-- Queries are keyset seeks in one of two orders, (id) or (number_of_attendees, id), read either way: over the whole
-- tenant, or within one booking, one session (or instance), one recurring session or one status. Each of these
-- scopes has an index in each order, so a page is an index range scan that starts at the keyset position, needs no
-- sort, and stops when the caller has enough, whatever the position. The primary key serves the id order over the
-- whole tenant.
--
-- No tenant_store_state row: nothing reads a change version of a tenant's attendance.

CREATE TABLE attendance (
    tenant_id            TEXT    NOT NULL,
    id                   TEXT    NOT NULL COLLATE BINARY,
    booking_id           TEXT    NOT NULL COLLATE BINARY,
    -- The single session's id, or the instance's stable id.
    session_id           TEXT    NOT NULL COLLATE BINARY,
    -- The series the instance belongs to; NULL for a single session.
    recurring_session_id TEXT             COLLATE BINARY,
    -- Scheduling.Attendance.AttendanceStatus: 0 NOT_SET, 1 ATTENDED, 2 NOT_ATTENDED.
    status               INTEGER NOT NULL,
    number_of_attendees  INTEGER NOT NULL,
    revision             INTEGER NOT NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- At most one attendance per booking and session; also the lookup by booking and session.
    UNIQUE (tenant_id, booking_id, session_id)
);

CREATE INDEX attendance_by_number ON attendance (tenant_id, number_of_attendees, id);

-- The status after the order columns makes these two cover the summaries per booking and per session: a tally
-- counts and sums from the index alone, without visiting the rows.
CREATE INDEX attendance_by_booking ON attendance (tenant_id, booking_id, id);
CREATE INDEX attendance_by_booking_number ON attendance (tenant_id, booking_id, number_of_attendees, id, status);

CREATE INDEX attendance_by_session ON attendance (tenant_id, session_id, id);
CREATE INDEX attendance_by_session_number ON attendance (tenant_id, session_id, number_of_attendees, id, status);

-- Attendance at single sessions never matches a filter on series, so it is left out of these.
CREATE INDEX attendance_by_recurring_session ON attendance (tenant_id, recurring_session_id, id)
    WHERE recurring_session_id IS NOT NULL;
CREATE INDEX attendance_by_recurring_session_number ON attendance (tenant_id, recurring_session_id, number_of_attendees, id)
    WHERE recurring_session_id IS NOT NULL;

-- A filter on status alone (no-shows, say) seeks these instead of reading past the other statuses.
CREATE INDEX attendance_by_status ON attendance (tenant_id, status, id);
CREATE INDEX attendance_by_status_number ON attendance (tenant_id, status, number_of_attendees, id);
