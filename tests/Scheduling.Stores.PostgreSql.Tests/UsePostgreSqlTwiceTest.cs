using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// A second <c>AddScheduling</c> with <c>UsePostgreSql</c>: the same database changes nothing, anything else is
/// refused, and no error shows a password. Registration only: no connection is opened.
/// </summary>
public sealed class UsePostgreSqlTwiceTest
{
    private const string Calendar = "Host=db.example;Database=calendar;Username=app;Password=first-secret";

    private static readonly Func<IServiceProvider, NpgsqlDataSource> HostDataSource = provider => provider.GetRequiredService<NpgsqlDataSource>();

    [Fact]
    public void In_memory_first_then_a_database_is_refused_naming_both_without_the_password()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UsePostgreSql(Calendar));

        act.Should().Throw<ArgumentException>()
            .WithMessage("*the first registered the in-memory stores (the default) as its stores, this call asks for PostgreSQL database 'Host=db.example;Database=calendar;Username=app'*")
            .Which.Message.Should().NotContain("first-secret");
    }

    [Fact]
    public void Another_database_is_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(Calendar));

        var act = () => services.AddScheduling(s => s.UsePostgreSql("Host=db.example;Database=billing;Username=app;Password=first-secret"));

        act.Should().Throw<ArgumentException>().WithMessage("*Database=calendar*Database=billing*").Which.Message.Should().NotContain("first-secret");
    }

    [Fact]
    public void The_same_database_however_written_and_whatever_the_password_changes_nothing()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(Calendar));
        var before = services.Count;

        services.AddScheduling(s => s.UsePostgreSql("host=db.example; username=app; database=calendar; password=rotated"));

        services.Should().HaveCount(before);
    }

    [Fact]
    public void The_same_database_with_other_store_options_is_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(Calendar));

        var act = () => services.AddScheduling(s => s.UsePostgreSql(Calendar, new PostgreSqlStoreOptions { MigrateOnFirstUse = false }));

        act.Should().Throw<ArgumentException>().WithMessage("*as its stores*");
    }

    [Fact]
    public void The_same_data_source_factory_twice_changes_nothing_and_a_connection_string_after_it_is_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(HostDataSource));

        var same = () => services.AddScheduling(s => s.UsePostgreSql(HostDataSource));
        var other = () => services.AddScheduling(s => s.UsePostgreSql(Calendar));

        same.Should().NotThrow();
        other.Should().Throw<ArgumentException>().WithMessage("*PostgreSQL through the data source given to UsePostgreSql*PostgreSQL database*");
    }
}
