using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Sessions;

/// <summary>What a caller gives to create a single session.</summary>
public sealed record NewSession
{
    /// <summary>Gets the id to use, or null to have one generated.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the schedule the session belongs to.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets the resource or service that owns the schedule.</summary>
    public required string ScheduleOwnerId { get; init; }

    /// <summary>Gets the kind of time the session occupies.</summary>
    public SessionType Type { get; init; }

    /// <summary>Gets the title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the tags.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Gets the notes, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the location, or null.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the capacity, or null for no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Gets the participants booked from the start.</summary>
    public ImmutableArray<Participant> Participants { get; init; } = [];

    /// <summary>Gets the client the session is for, or null; a single session books the client as a participant.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the ids of the services provided.</summary>
    public ImmutableArray<string> ServiceIds { get; init; } = [];

    /// <summary>Gets the custom field values (the sessions API checks their shape; a workspace checks them against its definitions).</summary>
    public ImmutableArray<FieldValue> FieldValues { get; init; } = [];

    /// <summary>Gets the attachments, by reference.</summary>
    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    /// <summary>Gets dated notes to start with (an import); later notes are appended with <see cref="SessionService.AddNoteAsync"/>.</summary>
    public ImmutableArray<SessionNote> NoteLog { get; init; } = [];

    /// <summary>Gets the invoice, or null.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the names at booking to keep as a fallback, or null.</summary>
    public NameSnapshot? Names { get; init; }

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
