using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// An occupied period of time on a schedule, as the API returns it: a single session, or one instance of a
/// <see cref="RecurringSession"/> (then <see cref="RecurringSessionId"/> and <see cref="OriginalStart"/> are set).
/// </summary>
/// <remarks>
/// An instance's <see cref="Id"/> is derived from its series and its original start (see
/// <see cref="SessionInstanceId"/>), so it stays the same when the instance or the series is edited and references
/// to it (attendance, bookings) survive. Immutable and thread-safe.
/// </remarks>
public sealed record Session
{
    private readonly ValueArray<Participant> _participants = new([]);

    /// <summary>Gets the session's id; for an instance, the stable instance id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the schedule the session belongs to.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets the id of the resource or service that owns the schedule.</summary>
    public required string ScheduleOwnerId { get; init; }

    /// <summary>Gets the kind of time the session occupies.</summary>
    public SessionType Type { get; init; }

    /// <summary>Gets whether the session takes place.</summary>
    public SessionStatus Status { get; init; }

    /// <summary>Gets what the session says about itself (title, tags, capacity, client, ...); an instance shows its series' details merged with its own (<see cref="SessionDetailsOverride.Over"/>).</summary>
    public SessionDetails Details { get; init; } = SessionDetails.None;

    /// <summary>Gets the participants; without the <see cref="SessionFieldset.AllPersonalInformation"/> fieldset they carry ids only.</summary>
    public ImmutableArray<Participant> Participants { get => _participants.Items; init => _participants = new(value); }

    /// <summary>Gets the explicit lifecycle mark (none unless someone marked it); see <see cref="SessionLifecycle"/>.</summary>
    public ProgressMark Progress { get; init; }

    /// <summary>Gets when the session starts.</summary>
    public required CalendarDateTime Start { get; init; }

    /// <summary>Gets when the session ends (never before <see cref="Start"/>).</summary>
    public required CalendarDateTime End { get; init; }

    /// <summary>
    /// Gets a value indicating whether the session takes whole days (RFC 5545 VALUE=DATE): <see cref="Start"/> is then
    /// the start of its first day in its zone and <see cref="End"/> the start of the day after its last, so a day
    /// across a DST change lasts 23 or 25 hours. Every instance of an all-day series is all-day.
    /// </summary>
    public bool IsAllDay { get; init; }

    /// <summary>Gets the id of the recurring session this is an instance of, or null for a single session.</summary>
    public string? RecurringSessionId { get; init; }

    /// <summary>Gets, for an instance, the local start the recurrence gave it before any edit (its RFC 5545 RECURRENCE-ID); otherwise null.</summary>
    public LocalDateTime? OriginalStart { get; init; }

    /// <summary>Gets, for an instance, the recurrence rule of its series (the HTTP API's <c>instanceOfRecurrence</c>); otherwise null.</summary>
    public string? InstanceOfRecurrence { get; init; }

    /// <summary>Gets a value indicating whether this instance was edited on its own (it overrides its series).</summary>
    public bool IsOverridden { get; init; }

    /// <summary>Gets the revision: increases with every change; pass it back to update or cancel without losing a concurrent change.</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the session (or the instance's series) was created.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the session (or the instance) last changed.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Gets a value indicating whether this is an instance of a recurring session.</summary>
    public bool IsInstance => RecurringSessionId is not null;
}
