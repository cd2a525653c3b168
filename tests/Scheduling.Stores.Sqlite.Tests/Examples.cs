using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The sessions, series and attendance the SQLite-specific tests store.</summary>
internal static class Examples
{
    public const string Tenant = "tenant-a";

    public static readonly Instant Created = Time.Utc(2025, 1, 1, 8);
    public static readonly Instant Later = Time.Utc(2025, 1, 2, 8);

    public static readonly DateTimeZone Utc = DateTimeZoneProviders.Tzdb["UTC"];

    /// <summary>A session on schedule-1 from <paramref name="start"/> to <paramref name="end"/> (one hour by default), at revision 1.</summary>
    public static Session Session(string id, Instant? start = null, Instant? end = null, int? capacity = null)
    {
        var from = start ?? Time.Utc(2025, 3, 3, 10);
        return new Session
        {
            Id = id,
            ScheduleId = "schedule-1",
            ScheduleOwnerId = "owner-1",
            Details = new SessionDetails { Capacity = capacity },
            Start = Time.At(from),
            End = Time.At(end ?? from + Duration.FromHours(1)),
            Revision = 1,
            CreatedAt = Created,
            UpdatedAt = Created,
        };
    }

    /// <summary>A weekly series from 2025-03-03 09:00 UTC, one hour long, at revision 1.</summary>
    public static RecurringSession Series(string id, string rule = "FREQ=WEEKLY") => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.Local(2025, 3, 3, 9),
        IdentityStart = Time.Local(2025, 3, 3, 9),
        Zone = Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse(rule),
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>An override of the instance of <paramref name="seriesId"/> at <paramref name="identityStart"/>, retitled.</summary>
    public static InstanceOverride Override(string seriesId, LocalDateTime identityStart, long revision = 1) => new()
    {
        RecurringSessionId = seriesId,
        IdentityStart = identityStart,
        Details = new SessionDetailsOverride { Title = "own" },
        Revision = revision,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>Attendance of <paramref name="bookingId"/> at <paramref name="sessionId"/>, at revision 1.</summary>
    public static Scheduling.Attendance.Attendance AttendanceOf(
        string id,
        string bookingId,
        string sessionId,
        Scheduling.Attendance.AttendanceStatus status = Scheduling.Attendance.AttendanceStatus.Attended,
        int numberOfAttendees = 1) => new()
    {
        Id = id,
        BookingId = bookingId,
        SessionId = sessionId,
        Status = status,
        NumberOfAttendees = numberOfAttendees,
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
