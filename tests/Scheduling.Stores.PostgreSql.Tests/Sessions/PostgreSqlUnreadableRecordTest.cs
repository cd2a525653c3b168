using Scheduling.Stores.ContractTests.Sessions;

namespace Scheduling.Stores.PostgreSql.Tests.Sessions;

/// <summary>The unreadable-record contract over the PostgreSQL stores, each test in a fresh schema, with bodies planted by SQL.</summary>
public sealed class PostgreSqlUnreadableRecordTest : UnreadableRecordContract
{
    private TestSchema? _schema;

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override async ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> OpenStoresAsync()
    {
        _schema ??= await TestSchema.CreateAsync();
        var dataSource = _schema.NewDataSource();
        return (new PostgreSqlSessionStore(dataSource), new PostgreSqlRecurringSessionStore(dataSource), new PostgreSqlAttendanceStore(dataSource));
    }

    protected override async Task RewriteBodyAsync(StoredTable table, string tenantId, string id, string? identityStart, Func<string, string> rewrite)
    {
        var (name, key) = table switch
        {
            StoredTable.Sessions => ("sessions", "id = @id"),
            StoredTable.RecurringSessions => ("recurring_sessions", "id = @id"),
            _ => ("instance_overrides", "recurring_session_id = @id AND identity_start = @identity_start"),
        };
        var parameters = new List<(string, object)> { ("tenant", tenantId), ("id", id) };
        if (identityStart is not null)
        {
            parameters.Add(("identity_start", identityStart));
        }

        var body = await _schema!.ExecuteScalarAsync($"SELECT body FROM {name} WHERE tenant_id = @tenant AND {key}", [.. parameters]) as string
            ?? throw new InvalidOperationException($"No row of {name} for '{id}'.");
        var changed = await _schema.ExecuteScalarAsync(
            $"WITH changed AS (UPDATE {name} SET body = @body WHERE tenant_id = @tenant AND {key} RETURNING 1) SELECT count(*) FROM changed",
            [.. parameters, ("body", rewrite(body))]);
        changed.Should().Be(1L);
    }
}
