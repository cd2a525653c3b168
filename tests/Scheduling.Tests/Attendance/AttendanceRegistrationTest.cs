using Microsoft.Extensions.DependencyInjection;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary><c>AddScheduling</c> registers the attendance API next to the sessions API.</summary>
public sealed class AttendanceRegistrationTest
{
    [Fact]
    public async Task By_default_the_attendance_api_runs_on_the_in_memory_store_over_the_registered_sessions()
    {
        using var provider = new ServiceCollection().AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<IAttendanceStore>().Should().BeOfType<InMemoryAttendanceStore>();
        var attendance = provider.GetRequiredService<AttendanceService>();
        attendance.Should().BeSameAs(provider.GetRequiredService<AttendanceService>());

        var host = Scheduling.Security.CallerContext.Host("t");
        await provider.GetRequiredService<SessionService>().CreateSessionAsync(host, new NewSession
        {
            Id = "class",
            ScheduleId = "s",
            ScheduleOwnerId = "o",
            Start = CalendarDateTime.AtInstant(Instant.FromUtc(2031, 6, 1, 9, 0)),
            End = CalendarDateTime.AtInstant(Instant.FromUtc(2031, 6, 1, 10, 0)),
        });
        (await attendance.SetAttendanceAsync(host, new AttendanceMark { BookingId = "b", SessionId = "class", Status = AttendanceStatus.Attended })).Revision.Should().Be(1);
    }

    [Fact]
    public void Registering_twice_changes_nothing()
    {
        var services = new ServiceCollection().AddScheduling().AddScheduling();

        services.Count(d => d.ServiceType == typeof(AttendanceService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IAttendanceStore)).Should().Be(1);
    }

    [Fact]
    public void A_store_package_plugs_in_its_attendance_store_through_UseStores()
    {
        var attendance = new InMemoryAttendanceStore();
        using var provider = new ServiceCollection()
            .AddScheduling(s => s.UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore(), _ => attendance))
            .BuildServiceProvider();

        provider.GetRequiredService<IAttendanceStore>().Should().BeSameAs(attendance);
    }

    [Fact]
    public void The_two_store_UseStores_keeps_attendance_in_memory()
    {
        var sessions = new InMemorySessionStore();
        using var provider = new ServiceCollection()
            .AddScheduling(s => s.UseStores(_ => sessions, _ => new InMemoryRecurringSessionStore()))
            .BuildServiceProvider();

        provider.GetRequiredService<ISessionStore>().Should().BeSameAs(sessions);
        provider.GetRequiredService<IAttendanceStore>().Should().BeOfType<InMemoryAttendanceStore>();
    }

    [Fact]
    public void An_attendance_store_the_host_registered_first_is_the_one_used()
    {
        var attendance = new InMemoryAttendanceStore();
        using var provider = new ServiceCollection().AddSingleton<IAttendanceStore>(attendance).AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<IAttendanceStore>().Should().BeSameAs(attendance);
    }
}
