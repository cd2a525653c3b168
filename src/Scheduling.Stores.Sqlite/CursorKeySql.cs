namespace Scheduling.Stores.Sqlite;

/// <summary>The SQL of <see cref="SqliteCursorKeyStore"/>: slot 1 of <c>scheduling_cursor_keys</c>, inserted if absent.</summary>
internal static class CursorKeySql
{
    public const string Find = "SELECT key_bytes FROM scheduling_cursor_keys WHERE slot = 1;";

    /// <summary>The candidate, unless a key is stored already (then nothing changes).</summary>
    public const string InsertIfAbsent = """
        INSERT INTO scheduling_cursor_keys (slot, key_bytes, created_at)
        VALUES (1, @key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ON CONFLICT (slot) DO NOTHING;
        """;
}
