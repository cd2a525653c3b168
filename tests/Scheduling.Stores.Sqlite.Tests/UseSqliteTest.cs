using Microsoft.Extensions.DependencyInjection;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.Sqlite.Tests;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

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
            first.GetRequiredService<ICursorKeyStore>().Should().BeOfType<SqliteCursorKeyStore>();
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

    [Fact]
    public async Task Attendance_registered_on_a_file_outlives_the_service_provider()
    {
        var caller = CallerContext.Host("tenant");
        Attendance marked;
        await using (var first = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider())
        {
            first.GetRequiredService<IAttendanceStore>().Should().BeOfType<SqliteAttendanceStore>();
            var session = await first.GetRequiredService<SessionService>().CreateSessionAsync(caller, new NewSession
            {
                ScheduleId = "room",
                ScheduleOwnerId = "staff",
                Details = new SessionDetails { Capacity = 5 },
                Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 9, 0)),
                End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
            });
            marked = await first.GetRequiredService<AttendanceService>().SetAttendanceAsync(caller, new AttendanceMark
            {
                BookingId = "booking-1",
                SessionId = session.Id,
                Status = AttendanceStatus.Attended,
                NumberOfAttendees = 2,
            });
        }

        await using var second = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider();
        var attendance = second.GetRequiredService<AttendanceService>();
        (await attendance.GetAttendanceAsync(caller, marked.Id)).Should().Be(marked);
        (await attendance.SummarizeSessionAsync(caller, marked.SessionId)).TotalAttendees.Should().Be(2);
    }

    [Fact]
    public async Task A_connection_string_names_the_file_it_keeps_sessions_in()
    {
        var caller = CallerContext.Host("tenant");
        var folder = Path.GetDirectoryName(_database.FilePath)!;
        var literal = Path.Combine(folder, "Data Source=" + Path.GetFileName(_database.FilePath));
        var session = new NewSession
        {
            Id = "by-connection-string",
            ScheduleId = "room",
            ScheduleOwnerId = "staff",
            Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 9, 0)),
            End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
        };
        await using (var first = new ServiceCollection().AddScheduling(s => s.UseSqlite($"Data Source={_database.FilePath};Cache=Shared")).BuildServiceProvider())
        {
            await first.GetRequiredService<SessionService>().CreateSessionAsync(caller, session);
        }

        File.Exists(literal).Should().BeFalse("the text is a connection string, not a file name");
        await using var second = new ServiceCollection().AddScheduling(s => s.UseSqlite(_database.FilePath)).BuildServiceProvider();
        (await second.GetRequiredService<SessionService>().GetSessionAsync(caller, "by-connection-string")).Id.Should().Be("by-connection-string");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/folder/calendar.db")]
    [InlineData("Data Source=/no/such/folder/calendar.db")]
    public void A_path_that_cannot_hold_a_database_fails_at_registration(string path)
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.UseSqlite(path));

        act.Should().Throw<ArgumentException>().WithMessage("*UseSqlite*");
    }

    public void Dispose() => _database.Dispose();
}
