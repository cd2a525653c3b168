using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>Short forms for the instants, local times and zones the tests are written in.</summary>
public static class Time
{
    /// <summary>America/New_York: DST starts on 2025-03-09 at 02:00 local (UTC-5 to UTC-4).</summary>
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>An instant given in UTC.</summary>
    public static Instant Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    /// <summary>A local date-time.</summary>
    public static LocalDateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute);

    /// <summary>A wall-clock time in New York.</summary>
    public static CalendarDateTime InNewYork(int year, int month, int day, int hour, int minute = 0) =>
        CalendarDateTime.AtLocal(Local(year, month, day, hour, minute), NewYork);

    /// <summary>An instant-only calendar value.</summary>
    public static CalendarDateTime At(Instant instant) => CalendarDateTime.AtInstant(instant);
}
