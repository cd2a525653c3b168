using Microsoft.Extensions.DependencyInjection;
using Scheduling.Stores.ContractTests.Paging;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>Hosts over one SQLite file (<c>UseSqlite</c>, one path) continue each other's cursors, a restarted host included.</summary>
public sealed class SqliteCursorsAcrossHostsTest : CursorsAcrossHostsContract
{
    private readonly TemporaryDatabase _database = new();

    protected override void UseTheDatabase(SchedulingBuilder builder) => builder.UseSqlite(_database.FilePath);

    protected override Task DropDatabaseAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
