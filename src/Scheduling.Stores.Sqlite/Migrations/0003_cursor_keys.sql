-- Migration 3: the key cursors are signed with when the host configures none, so that a restarted process and every
-- process sharing the file sign and accept the same cursors.
--
-- One row per database, not per tenant: a cursor's tenant is inside its signature. So this table, like the migration
-- record, is the exception to "every table carries tenant_id"; it holds no tenant's data.
--
-- slot 1 holds the signing key; other slots are reserved for keys a later version may keep beside it. The library
-- makes a random key and inserts it only if slot 1 is empty (ON CONFLICT DO NOTHING), then reads slot 1 back, so
-- processes that start at once agree on the one key the first insert stored. Nothing updates or deletes a row:
-- replacing the key retires every cursor signed with it.

CREATE TABLE scheduling_cursor_keys (
    slot       INTEGER NOT NULL PRIMARY KEY,
    key_bytes  BLOB    NOT NULL CHECK (typeof(key_bytes) = 'blob' AND length(key_bytes) >= 32),
    created_at TEXT    NOT NULL
);
