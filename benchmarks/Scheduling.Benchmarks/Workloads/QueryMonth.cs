using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Benchmarks.Workloads;

/// <summary>
/// The query benchmarks' tenant: 10,000 weekly recurring sessions in five zones and 10,000 single sessions spread
/// over 2025, queried over March 2025 (which holds the United States' and Europe's spring-forward changes).
/// </summary>
public static class QueryMonth
{
    /// <summary>The tenant the sessions belong to.</summary>
    public const string Tenant = "bench";

    private static readonly string[] Zones = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney", "Asia/Tokyo"];

    /// <summary>Gets the caller the benchmarks query as: the host, for <see cref="Tenant"/>.</summary>
    public static CallerContext Caller { get; } = CallerContext.Host(Tenant);

    /// <summary>Gets the query of the month: March 2025, default page size.</summary>
    public static SessionQuery Month { get; } = new() { From = Instant.FromUtc(2025, 3, 1, 0, 0), To = Instant.FromUtc(2025, 4, 1, 0, 0) };

    /// <summary>Gets the clock the benchmarks' services read: the start of 2025.</summary>
    public static IClock Clock { get; } = new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0));

    /// <summary>Writes the tenant's series and sessions through <paramref name="service"/>.</summary>
    public static void Populate(SessionService service)
    {
        var weekly = new Dictionary<IsoDayOfWeek, RecurrenceRule>();
        for (var i = 0; i < 10_000; i++)
        {
            var zone = DateTimeZoneProviders.Tzdb[Zones[i % Zones.Length]];
            var start = new LocalDateTime(2025, 1, 6, 7 + (i % 12), i * 5 % 60).PlusDays(i % 7);
            var rule = weekly.TryGetValue(start.DayOfWeek, out var known)
                ? known
                : weekly[start.DayOfWeek] = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=" + start.DayOfWeek.ToString()[..2].ToUpperInvariant());
            service.CreateRecurringSessionAsync(Caller, new NewRecurringSession
            {
                ScheduleId = $"schedule-{i % 200}",
                ScheduleOwnerId = $"staff-{i % 50}",
                Details = new SessionDetails { Title = "Class", Capacity = 12 },
                Start = start,
                Zone = zone,
                Duration = Duration.FromMinutes(60),
                Rule = rule,
            }).AsTask().GetAwaiter().GetResult();
        }

        var utc = DateTimeZone.Utc;
        for (var i = 0; i < 10_000; i++)
        {
            var start = Instant.FromUtc(2025, 1, 1, 6, 0) + Duration.FromMinutes(i * 52L);
            service.CreateSessionAsync(Caller, new NewSession
            {
                ScheduleId = $"schedule-{i % 200}",
                ScheduleOwnerId = $"staff-{i % 50}",
                Details = new SessionDetails { Title = "Appointment" },
                Start = CalendarDateTime.AtLocal(start.InZone(utc).LocalDateTime, utc),
                End = CalendarDateTime.AtLocal((start + Duration.FromMinutes(45)).InZone(utc).LocalDateTime, utc),
            }).AsTask().GetAwaiter().GetResult();
        }
    }
}
