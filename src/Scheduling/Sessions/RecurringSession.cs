using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// A pattern of repeating sessions: an RFC 5545 rule from a wall-clock start in an IANA zone, with a duration.
/// It produces instances (<see cref="Session"/>s whose <see cref="Session.RecurringSessionId"/> is this id).
/// </summary>
/// <remarks>
/// <para><see cref="IdentityStart"/> is the start the series had when it was created. Instance ids are derived from
/// it, not from the current start: when the whole series moves (09:00 to 10:00, or Monday to Tuesday), each instance
/// keeps its id, so references to instances survive edits of the series.</para>
/// <para>Unlike the original sessions API, recurring sessions may carry notes; instances inherit them. Immutable and thread-safe.</para>
/// </remarks>
public sealed record RecurringSession
{
    private readonly ValueArray<LocalDateTime> _exceptionDates = new([]);
    private readonly ValueArray<LocalDateTime> _extraDates = new([]);

    /// <summary>Gets the series' id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the schedule the series belongs to.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets the id of the resource or service that owns the schedule.</summary>
    public required string ScheduleOwnerId { get; init; }

    /// <summary>Gets the kind of time the instances occupy.</summary>
    public SessionType Type { get; init; }

    /// <summary>Gets the details every instance inherits unless it sets its own (<see cref="InstanceOverride.Details"/>).</summary>
    public SessionDetails Details { get; init; } = SessionDetails.None;

    /// <summary>Gets the wall-clock start of the first instance (DTSTART).</summary>
    public required LocalDateTime Start { get; init; }

    /// <summary>Gets the time zone the start and the rule are read in.</summary>
    public required DateTimeZone Zone { get; init; }

    /// <summary>Gets how long each instance lasts, in elapsed time.</summary>
    public required Duration Duration { get; init; }

    /// <summary>Gets the recurrence rule.</summary>
    public required RecurrenceRule Rule { get; init; }

    /// <summary>
    /// Gets the occurrences left out (RFC 5545 EXDATE), sorted and without duplicates: wall-clock starts in
    /// <see cref="Zone"/> as the rule now produces them (an instance's <see cref="Session.OriginalStart"/>). When the
    /// series' start moves, they move with it, so the instances they leave out stay left out.
    /// </summary>
    public ImmutableArray<LocalDateTime> ExceptionDates { get => _exceptionDates.Items; init => _exceptionDates = new(value); }

    /// <summary>
    /// Gets the extra instances beyond the rule's (RFC 5545 RDATE), sorted and without duplicates: wall-clock starts in
    /// <see cref="Zone"/>, none before <see cref="Start"/>. They move with the series' start, as the rule's instances do,
    /// so their instance ids stay the same.
    /// </summary>
    public ImmutableArray<LocalDateTime> ExtraDates { get => _extraDates.Items; init => _extraDates = new(value); }

    /// <summary>
    /// Gets a value indicating whether the instances take whole days (RFC 5545 VALUE=DATE): <see cref="Start"/> is the
    /// first date at midnight and <see cref="Duration"/> a whole number of calendar days; every instance is all-day.
    /// </summary>
    public bool IsAllDay { get; init; }

    /// <summary>Gets the start the series was created with; instance ids derive from it (see remarks).</summary>
    public required LocalDateTime IdentityStart { get; init; }

    /// <summary>Gets the instant from which instances are cancelled (the series was cancelled then), or null.</summary>
    public Instant? CancelledFrom { get; init; }

    /// <summary>Gets the revision: increases with every change to the series itself.</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the series was created.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the series last changed.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Gets the first instant at which an instance can start.</summary>
    public Instant FirstStart => Start.InZoneLeniently(Zone).ToInstant();

    /// <summary>
    /// The instant the rule starts the instance with this identity start (before any move of its own): the identity
    /// start shifted as the series moved, read in the zone by RFC 5545 section 3.3.5.
    /// </summary>
    public Instant InstanceStartOf(LocalDateTime identityStart) =>
        identityStart.PlusSeconds(Period.Between(IdentityStart, Start, PeriodUnits.Seconds).Seconds).InZoneLeniently(Zone).ToInstant();
}
