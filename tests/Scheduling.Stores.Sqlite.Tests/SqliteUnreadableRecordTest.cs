using Scheduling.Stores.ContractTests.Sessions;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The unreadable-record contract over the SQLite stores (all in one file), with bodies planted by SQL on the file.</summary>
public sealed class SqliteUnreadableRecordTest : UnreadableRecordContract
{
    private readonly TemporaryDatabase _database = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> OpenStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore, IAttendanceStore)>((
            new SqliteSessionStore(_database.ConnectionString),
            new SqliteRecurringSessionStore(_database.ConnectionString),
            new SqliteAttendanceStore(_database.ConnectionString)));

    protected override Task RewriteBodyAsync(StoredTable table, string tenantId, string id, string? identityStart, Func<string, string> rewrite)
    {
        var (name, key) = table switch
        {
            StoredTable.Sessions => ("sessions", "id = $id"),
            StoredTable.RecurringSessions => ("recurring_sessions", "id = $id"),
            _ => ("instance_overrides", "recurring_session_id = $id AND identity_start = $identity_start"),
        };
        using var connection = _database.Open();
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT body FROM {name} WHERE tenant_id = $tenant AND {key}";
        read.Parameters.AddWithValue("$tenant", tenantId);
        read.Parameters.AddWithValue("$id", id);
        read.Parameters.AddWithValue("$identity_start", (object?)identityStart ?? DBNull.Value);
        var body = read.ExecuteScalar() as string ?? throw new InvalidOperationException($"No row of {name} for '{id}'.");
        using var write = connection.CreateCommand();
        write.CommandText = $"UPDATE {name} SET body = $body WHERE tenant_id = $tenant AND {key}";
        write.Parameters.AddWithValue("$tenant", tenantId);
        write.Parameters.AddWithValue("$id", id);
        write.Parameters.AddWithValue("$identity_start", (object?)identityStart ?? DBNull.Value);
        write.Parameters.AddWithValue("$body", rewrite(body));
        write.ExecuteNonQuery().Should().Be(1);
        return Task.CompletedTask;
    }
}
