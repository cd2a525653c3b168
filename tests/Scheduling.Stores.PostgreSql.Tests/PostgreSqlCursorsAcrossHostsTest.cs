using Microsoft.Extensions.DependencyInjection;
using Scheduling.Stores.ContractTests.Paging;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// Hosts over one PostgreSQL database and schema (<c>UsePostgreSql</c>, one connection string, a pool per host)
/// continue each other's cursors, a restarted host included.
/// </summary>
public sealed class PostgreSqlCursorsAcrossHostsTest : CursorsAcrossHostsContract
{
    private TestSchema? _schema;

    protected override void UseTheDatabase(SchedulingBuilder builder) => builder.UsePostgreSql(_schema!.ConnectionString);

    protected override async Task CreateDatabaseAsync() => _schema = await TestSchema.CreateAsync();

    protected override async Task DropDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
