using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Sessions;

/// <summary>What a caller gives to create a single session.</summary>
public sealed record NewSession
{
    private readonly ValueArray<Participant> _participants = new([]);

    /// <summary>Gets the id to use, or null to have one generated.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the schedule the session belongs to.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets the resource or service that owns the schedule.</summary>
    public required string ScheduleOwnerId { get; init; }

    /// <summary>Gets the kind of time the session occupies.</summary>
    public SessionType Type { get; init; }

    /// <summary>Gets the details: title, tags, capacity, client, services, ...; a single session books its client as a participant.</summary>
    public SessionDetails Details { get; init; } = SessionDetails.None;

    /// <summary>Gets the participants booked from the start.</summary>
    public ImmutableArray<Participant> Participants { get => _participants.Items; init => _participants = new(value); }

    /// <summary>Gets when the session starts.</summary>
    public required CalendarDateTime Start { get; init; }

    /// <summary>Gets when it ends.</summary>
    public required CalendarDateTime End { get; init; }

    /// <summary>
    /// Gets a value indicating whether the session takes whole days: <see cref="Start"/> and <see cref="End"/> are
    /// then wall-clock values in one zone at midnight (or at the start of a day whose midnight a DST gap skips), read
    /// as dates; the end is the day after the last day, as iCalendar's DTEND, and after the start. <see cref="AllDay"/>
    /// builds one.
    /// </summary>
    public bool IsAllDay { get; init; }

    /// <summary>
    /// An all-day session from the start of <paramref name="firstDay"/> to the start of <paramref name="endDay"/> in
    /// <paramref name="zone"/> (a day across a DST change lasts 23 or 25 hours).
    /// </summary>
    /// <param name="scheduleId">The schedule the session belongs to.</param>
    /// <param name="scheduleOwnerId">The resource or service that owns the schedule.</param>
    /// <param name="firstDay">The first day.</param>
    /// <param name="endDay">The day after the last day (exclusive, as iCalendar's DTEND); after <paramref name="firstDay"/>.</param>
    /// <param name="zone">The IANA time zone the days are in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static NewSession AllDay(string scheduleId, string scheduleOwnerId, LocalDate firstDay, LocalDate endDay, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new NewSession
        {
            ScheduleId = scheduleId,
            ScheduleOwnerId = scheduleOwnerId,
            Start = CalendarDateTime.AtLocal(firstDay.AtMidnight(), zone),
            End = CalendarDateTime.AtLocal(endDay.AtMidnight(), zone),
            IsAllDay = true,
        };
    }
}
