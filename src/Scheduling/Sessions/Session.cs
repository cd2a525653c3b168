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

    /// <summary>Gets the session's title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the session's tags; an instance inherits its series' tags unless it overrides them.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Gets free-text notes, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets where the session takes place, or null.</summary>
    public string? Location { get; init; }

    /// <summary>Gets how many participants the session takes, or null for no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Gets the participants; without the <see cref="SessionFieldset.AllPersonalInformation"/> fieldset they carry ids only.</summary>
    public ImmutableArray<Participant> Participants { get; init; } = [];

    /// <summary>
    /// Gets the id of the client the session is for (a practice's patient, a salon's customer), or null. On a single
    /// session the client is also one of the <see cref="Participants"/> (the sessions API books it); an instance
    /// inherits its series' client unless it names its own, without a booking of its own (see <c>docs/workspace-mapping.md</c>).
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the ids of the services the session provides (the host's service catalogue); an instance inherits its series' unless it overrides them.</summary>
    public ImmutableArray<string> ServiceIds { get; init; } = [];

    /// <summary>Gets the values of the workspace's custom fields, at most one per field; an instance inherits its series' unless it overrides them.</summary>
    public ImmutableArray<FieldValue> FieldValues { get; init; } = [];

    /// <summary>Gets the files attached, by reference (never their bytes); an instance inherits its series' unless it overrides them.</summary>
    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    /// <summary>
    /// Gets the dated notes, oldest first, each with its author (the HTTP API's <c>notes</c> list). Appended through
    /// <see cref="SessionService.AddNoteAsync"/>. Separate from <see cref="Notes"/>, the single free-text note.
    /// </summary>
    public ImmutableArray<SessionNote> NoteLog { get; init; } = [];

    /// <summary>Gets the invoice the session was billed on, or null; an instance inherits its series' unless it names its own.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the names of client, staff and services as they were at booking, the fallback for names the host's directory lacks; or null.</summary>
    public NameSnapshot? Names { get; init; }

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
