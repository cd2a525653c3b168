using Microsoft.Extensions.DependencyInjection;

// Outside the Scheduling namespaces on purpose, with no using but the one every .NET host has: UsePostgreSql is
// found wherever AddScheduling is.
namespace ANewPostgreSqlHost;

public sealed class UsePostgreSqlNamespaceTest
{
    [Fact]
    public async Task UsePostgreSql_needs_only_the_dependency_injection_using()
    {
        await using var provider = new ServiceCollection()
            .AddScheduling(s => s.UsePostgreSql("Host=127.0.0.1;Database=calendar;Username=app"))
            .BuildServiceProvider();

        // Registration only: the store opens no connection until it is used.
        provider.GetRequiredService<Scheduling.Stores.ISessionStore>().Should().BeOfType<Scheduling.Stores.PostgreSql.PostgreSqlSessionStore>();
    }
}
