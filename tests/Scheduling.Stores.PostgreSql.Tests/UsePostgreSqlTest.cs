using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scheduling.Attendance;
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
    public async Task Sessions_and_attendance_registered_on_a_database_outlive_the_service_provider()
    {
        string id, attendanceId;
        await using (var first = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(_schema.ConnectionString)).BuildServiceProvider())
        {
            first.GetRequiredService<ISessionStore>().Should().BeOfType<PostgreSqlSessionStore>();
            first.GetRequiredService<IRecurringSessionStore>().Should().BeOfType<PostgreSqlRecurringSessionStore>();
            first.GetRequiredService<IAttendanceStore>().Should().BeOfType<PostgreSqlAttendanceStore>();
            first.GetRequiredService<ICursorKeyStore>().Should().BeOfType<PostgreSqlCursorKeyStore>();
            id = (await first.GetRequiredService<SessionService>().CreateSessionAsync(Host, NewSession())).Id;
            attendanceId = (await first.GetRequiredService<AttendanceService>().SetAttendanceAsync(Host, Mark(id))).Id;
        }

        await using var second = new ServiceCollection().AddScheduling(s => s.UsePostgreSql(_schema.ConnectionString)).BuildServiceProvider();
        (await second.GetRequiredService<SessionService>().GetSessionAsync(Host, id)).Id.Should().Be(id);
        var attendance = await second.GetRequiredService<AttendanceService>().GetAttendanceAsync(Host, attendanceId);
        (attendance.SessionId, attendance.Status, attendance.NumberOfAttendees).Should().Be((id, AttendanceStatus.Attended, 2));
    }

    [Fact]
    public async Task Stores_registered_over_the_hosts_data_source_use_it()
    {
        var services = new ServiceCollection()
            .AddSingleton(_ => NpgsqlDataSource.Create(_schema.ConnectionString))
            .AddScheduling(s => s.UsePostgreSql(provider => provider.GetRequiredService<NpgsqlDataSource>()));
        await using var provider = services.BuildServiceProvider();

        var created = await provider.GetRequiredService<SessionService>().CreateSessionAsync(Host, NewSession());
        var marked = await provider.GetRequiredService<AttendanceService>().SetAttendanceAsync(Host, Mark(created.Id));

        provider.GetRequiredService<IAttendanceStore>().Should().BeOfType<PostgreSqlAttendanceStore>();
        provider.GetRequiredService<ICursorKeyStore>().Should().BeOfType<PostgreSqlCursorKeyStore>();
        (await provider.GetRequiredService<ISessionStore>().FindAsync(Samples.Tenant, created.Id, CancellationToken.None)).Should().NotBeNull();
        (await provider.GetRequiredService<IAttendanceStore>().FindAsync(Samples.Tenant, marked.Id, CancellationToken.None)).Should().Be(marked);
        (await _schema.ExecuteScalarAsync("SELECT count(*) FROM attendance")).Should().Be(1L, "the attendance is in the host's database, not in memory");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=localhost;Not A Keyword=1")]
    public void A_connection_string_npgsql_cannot_read_fails_at_registration(string connectionString)
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.UsePostgreSql(connectionString));

        act.Should().Throw<ArgumentException>().WithMessage("*UsePostgreSql*");
    }

    private static AttendanceMark Mark(string sessionId) => new()
    {
        BookingId = "booking-1",
        SessionId = sessionId,
        Status = AttendanceStatus.Attended,
        NumberOfAttendees = 2,
    };

    private static NewSession NewSession() => new()
    {
        ScheduleId = "room",
        ScheduleOwnerId = "staff",
        Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 9, 0)),
        End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
    };
}
