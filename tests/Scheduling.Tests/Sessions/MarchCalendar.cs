using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// A March 2025 calendar in New York for the query tests: twenty weekly series that share start times (seven on
/// Mondays, seven on Tuesdays, six on Wednesdays), one instance moved to 30 March, one cancelled, and fifteen single
/// sessions every other day.
/// </summary>
internal static class MarchCalendar
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The instance of <c>series-00</c> moved to 30 March, 07:00.</summary>
    public static readonly string MovedInstance = SessionInstanceId.Format("series-00", new LocalDateTime(2025, 3, 10, 18, 30));

    /// <summary>The cancelled instance of <c>series-01</c>.</summary>
    public static readonly string CancelledInstance = SessionInstanceId.Format("series-01", new LocalDateTime(2025, 3, 18, 18, 30));

    public static async Task CreateAsync(SessionService service, CallerContext host)
    {
        for (var i = 0; i < 20; i++)
        {
            await service.CreateRecurringSessionAsync(host, new NewRecurringSession
            {
                Id = $"series-{i:00}",
                ScheduleId = "room",
                ScheduleOwnerId = "staff",
                Start = new LocalDateTime(2025, 2, 24 + (i % 3), 18, 30),
                Zone = NewYork,
                Duration = Duration.FromHours(1),
                Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
            });
        }

        await service.UpdateSessionAsync(host, MovedInstance, new SessionChanges
        {
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 7, 0), NewYork),
            End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 8, 0), NewYork),
        }, expectedRevision: 0);
        await service.CancelSessionAsync(host, CancelledInstance, expectedRevision: 0);
        for (var i = 0; i < 15; i++)
        {
            var start = Instant.FromUtc(2025, 3, 3, 23, 30) + Duration.FromDays(2 * i);
            await service.CreateSessionAsync(host, new NewSession
            {
                Id = $"single-{i:00}",
                ScheduleId = "room",
                ScheduleOwnerId = "staff",
                Start = CalendarDateTime.AtInstant(start),
                End = CalendarDateTime.AtInstant(start + Duration.FromHours(1)),
            });
        }
    }
}
