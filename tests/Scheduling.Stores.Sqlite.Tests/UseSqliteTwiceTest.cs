using Microsoft.Extensions.DependencyInjection;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>A second <c>AddScheduling</c> with <c>UseSqlite</c>: the same file changes nothing, anything else is refused.</summary>
public sealed class UseSqliteTwiceTest : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public void In_memory_first_then_a_file_is_refused_naming_both()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UseSqlite(_database.FilePath));

        act.Should().Throw<ArgumentException>().WithMessage(
            $"*the first registered the in-memory stores (the default) as its stores, this call asks for SQLite file '{_database.FilePath}'*");
    }

    [Fact]
    public void Another_file_is_refused_naming_both_files()
    {
        var other = Path.Combine(_database.Directory, "other.db");
        var services = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath));

        var act = () => services.AddScheduling(s => s.UseSqlite(other));

        act.Should().Throw<ArgumentException>().WithMessage($"*SQLite file '{_database.FilePath}'*SQLite file '{other}'*");
    }

    [Fact]
    public void The_same_file_by_path_or_by_connection_string_changes_nothing()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath));
        var before = services.Count;

        services.AddScheduling(s => s.UseSqlite(_database.FilePath));
        services.AddScheduling(s => s.UseSqlite($"Data Source={_database.FilePath};Cache=Shared"));

        services.Should().HaveCount(before);
    }

    [Fact]
    public void The_same_file_with_other_store_options_is_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath));

        var act = () => services.AddScheduling(s => s.UseSqlite(_database.FilePath, new SqliteStoreOptions { ApplyMigrations = false }));

        act.Should().Throw<ArgumentException>().WithMessage("*as its stores*");
    }

    [Fact]
    public void A_session_store_the_host_registered_first_conflicts_with_UseSqlite()
    {
        var services = new ServiceCollection().AddSingleton<ISessionStore>(new InMemory.InMemorySessionStore());

        var act = () => services.AddScheduling(s => s.UseSqlite(_database.FilePath));

        act.Should().Throw<ArgumentException>().WithMessage($"*it asks for SQLite file '{_database.FilePath}', but ISessionStore is already registered (InMemorySessionStore)*");
    }

    public void Dispose() => _database.Dispose();
}
