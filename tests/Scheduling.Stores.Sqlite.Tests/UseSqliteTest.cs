using Microsoft.Extensions.DependencyInjection;
using Scheduling.Hosting;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.Sqlite.Tests;

public sealed class UseSqliteTest : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Sessions_registered_on_a_file_outlive_the_service_provider()
    {
        var caller = CallerContext.Host("tenant");
        string id;
        await using (var first = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider())
        {
            first.GetRequiredService<ISessionStore>().Should().BeOfType<SqliteSessionStore>();
            first.GetRequiredService<IRecurringSessionStore>().Should().BeOfType<SqliteRecurringSessionStore>();
            var created = await first.GetRequiredService<SessionService>().CreateSessionAsync(caller, new NewSession
            {
                ScheduleId = "room",
                ScheduleOwnerId = "staff",
                Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 9, 0)),
                End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
            });
            id = created.Id;
        }

        await using var second = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider();
        (await second.GetRequiredService<SessionService>().GetSessionAsync(caller, id)).Id.Should().Be(id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/folder/calendar.db")]
    public void A_path_that_cannot_hold_a_database_fails_at_registration(string path)
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.UseSqlite(path));

        act.Should().Throw<ArgumentException>().WithMessage("*UseSqlite*");
    }

    public void Dispose() => _database.Dispose();
}
