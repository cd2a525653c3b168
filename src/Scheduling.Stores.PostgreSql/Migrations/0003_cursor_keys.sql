-- The key cursors are signed with when the host configures none, so that a restarted host and every host sharing
-- the database sign and accept the same cursors.
--
-- One row per schema, not per tenant: a cursor's tenant is inside its signature. So this table, like the migration
-- record, carries no tenant_id and holds no tenant's data; in a database distributed by tenant it is a reference
-- table (Citus: create_reference_table('scheduling_cursor_keys')).
--
-- slot 1 holds the signing key; other slots are reserved for keys a later version may keep beside it. The library
-- makes a random key and inserts it only if slot 1 is empty (ON CONFLICT DO NOTHING, which waits for a concurrent
-- insert of slot 1 to commit or roll back), then reads slot 1 back in a statement of its own, so hosts that start at
-- once agree on the one key the first insert stored. Nothing updates or deletes a row: replacing the key retires every
-- cursor signed with it.

CREATE TABLE scheduling_cursor_keys (
    slot        smallint NOT NULL,
    key_bytes   bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT scheduling_cursor_keys_pkey PRIMARY KEY (slot),
    CONSTRAINT scheduling_cursor_keys_key_length CHECK (octet_length(key_bytes) >= 32)
);
