namespace Scheduling.Stores.Sqlite;

/// <summary>
/// The SQL of <c>tenant_store_state</c>: per tenant and store, a change version bumped by every write and the longest
/// time one item has lasted, which bounds how far before a window a query seeks.
/// </summary>
internal static class TenantStateSql
{
    /// <summary>The name <see cref="SqliteSessionStore"/> keeps its state under.</summary>
    public const string Sessions = "sessions";

    /// <summary>The name <see cref="SqliteRecurringSessionStore"/> keeps its state under.</summary>
    public const string RecurringSessions = "recurring_sessions";

    /// <summary>Run in the transaction of every write: a new change version, and a longest duration that never shrinks.</summary>
    public const string Bump = """
        INSERT INTO tenant_store_state (tenant_id, store, change_version, longest_ticks)
        VALUES (@tenant, @store, 1, max(0, @longest_ticks))
        ON CONFLICT (tenant_id, store) DO UPDATE SET
            change_version = change_version + 1,
            longest_ticks = max(longest_ticks, excluded.longest_ticks);
        """;

    public const string ChangeVersion = """
        SELECT change_version FROM tenant_store_state WHERE tenant_id = @tenant AND store = @store;
        """;
}
