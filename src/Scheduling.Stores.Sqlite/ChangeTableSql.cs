namespace Scheduling.Stores.Sqlite;

/// <summary>
/// The SQL of a store's change table (<c>session_changes</c>, <c>recurring_session_changes</c>, as in the PostgreSQL
/// store): per tenant, a version bumped by every write and the longest time one item has lasted, which bounds how far
/// before a window a query seeks. It never shrinks; a stale, larger value only widens the seek.
/// </summary>
/// <param name="Bump">Bumps <c>@tenant</c>'s version and widens its longest duration to <c>@longest_ticks</c>.</param>
/// <param name="Version">The tenant's version; no row before its first write.</param>
internal sealed record ChangeTableSql(string Bump, string Version)
{
    /// <summary>The change table of <see cref="SqliteSessionStore"/>.</summary>
    public static readonly ChangeTableSql Sessions = new(
        """
        INSERT INTO session_changes (tenant_id, version, longest_session_ticks)
        VALUES (@tenant, 1, max(0, @longest_ticks))
        ON CONFLICT (tenant_id) DO UPDATE SET
            version = version + 1,
            longest_session_ticks = max(longest_session_ticks, excluded.longest_session_ticks);
        """,
        "SELECT version FROM session_changes WHERE tenant_id = @tenant;");

    /// <summary>The change table of <see cref="SqliteRecurringSessionStore"/>.</summary>
    public static readonly ChangeTableSql RecurringSessions = new(
        """
        INSERT INTO recurring_session_changes (tenant_id, version, longest_instance_ticks)
        VALUES (@tenant, 1, max(0, @longest_ticks))
        ON CONFLICT (tenant_id) DO UPDATE SET
            version = version + 1,
            longest_instance_ticks = max(longest_instance_ticks, excluded.longest_instance_ticks);
        """,
        "SELECT version FROM recurring_session_changes WHERE tenant_id = @tenant;");
}
