namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>The SQL of <see cref="PostgreSqlCursorKeyStore"/>: slot 1 of <c>scheduling_cursor_keys</c>, inserted if absent.</summary>
internal static class CursorKeyStatements
{
    public const string Find = "SELECT key_bytes FROM scheduling_cursor_keys WHERE slot = 1";

    /// <summary>
    /// The candidate, unless a key is stored (then nothing changes). Run on its own, not in a transaction with
    /// <see cref="Find"/>: the read that follows needs a snapshot taken after a racing insert committed.
    /// </summary>
    public const string InsertIfAbsent = "INSERT INTO scheduling_cursor_keys (slot, key_bytes) VALUES (1, @key) ON CONFLICT (slot) DO NOTHING";
}
