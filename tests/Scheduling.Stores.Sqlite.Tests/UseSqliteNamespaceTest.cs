using Microsoft.Extensions.DependencyInjection;

// Outside the Scheduling namespaces on purpose, with no using but the one every .NET host has: UseSqlite is found
// wherever AddScheduling is.
namespace ANewSqliteHost;

public sealed class UseSqliteNamespaceTest : IDisposable
{
    private readonly Scheduling.Stores.Sqlite.Tests.TemporaryDatabase _database = new();

    [Fact]
    public async Task UseSqlite_needs_only_the_dependency_injection_using()
    {
        await using var provider = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider();

        provider.GetRequiredService<Scheduling.Stores.ISessionStore>().Should().BeOfType<Scheduling.Stores.Sqlite.SqliteSessionStore>();
    }

    public void Dispose() => _database.Dispose();
}
