using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scheduling.Hosting;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>Registration: <c>services.AddScheduling(s => s.UsePostgreSql(...))</c>.</summary>
public sealed class UsePostgreSqlTest : IAsyncLifetime
{
    private static readonly CallerContext Host = CallerContext.Host(Samples.Tenant);

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Sessions_registered_on_a_database_outlive_the_service_provider()
    {
        string id;
        await using (var first = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(_schema.ConnectionString)).BuildServiceProvider())
        {
            first.GetRequiredService<ISessionStore>().Should().BeOfType<PostgreSqlSessionStore>();
            first.GetRequiredService<IRecurringSessionStore>().Should().BeOfType<PostgreSqlRecurringSessionStore>();
            id = (await first.GetRequiredService<SessionService>().CreateSessionAsync(Host, NewSession())).Id;
        }

        await using var second = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(_schema.ConnectionString)).BuildServiceProvider();
        (await second.GetRequiredService<SessionService>().GetSessionAsync(Host, id)).Id.Should().Be(id);
    }

    [Fact]
    public async Task Stores_registered_over_the_hosts_data_source_use_it()
    {
        var services = new ServiceCollection()
            .AddSingleton(_ => NpgsqlDataSource.Create(_schema.ConnectionString))
            .AddScheduling(s => s.UsePostgreSql(provider => provider.GetRequiredService<NpgsqlDataSource>()));
        await using var provider = services.BuildServiceProvider();

        var created = await provider.GetRequiredService<SessionService>().CreateSessionAsync(Host, NewSession());

        (await provider.GetRequiredService<ISessionStore>().FindAsync(Samples.Tenant, created.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=localhost;Not A Keyword=1")]
    public void A_connection_string_npgsql_cannot_read_fails_at_registration(string connectionString)
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.UsePostgreSql(connectionString));

        act.Should().Throw<ArgumentException>().WithMessage("*UsePostgreSql*");
    }

    private static NewSession NewSession() => new()
    {
        ScheduleId = "room",
        ScheduleOwnerId = "staff",
        Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 9, 0)),
        End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
    };
}
