using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// What one instance of a recurring session changes about itself: an exception to the series, keyed by the
/// instance's identity start (see <see cref="SessionInstanceId"/>). Null fields inherit from the series, so an edit
/// of the series never clobbers a field the instance set itself.
/// </summary>
/// <remarks>
/// An overridden <see cref="Start"/> is absolute: a later edit of the series does not move it. An overridden
/// <see cref="Duration"/> is relative to the instance's start, so the instance keeps its length when the series
/// moves. Immutable and thread-safe.
/// </remarks>
public sealed record InstanceOverride
{
    private readonly ValueArray<Participant> _participants = new([]);

    /// <summary>Gets the id of the recurring session.</summary>
    public required string RecurringSessionId { get; init; }

    /// <summary>Gets the identity start of the instance: the key this override is stored under.</summary>
    public required LocalDateTime IdentityStart { get; init; }

    /// <summary>Gets a value indicating whether the instance is cancelled (a tombstone queries can show on request).</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Gets the instance's own start, or null to follow the series.</summary>
    public CalendarDateTime? Start { get; init; }

    /// <summary>Gets the instance's own duration, or null to follow the series.</summary>
    public Duration? Duration { get; init; }

    /// <summary>Gets the details the instance sets for itself; each field left null inherits from the series.</summary>
    public SessionDetailsOverride Details { get; init; } = SessionDetailsOverride.None;

    /// <summary>Gets the participants booked into this instance.</summary>
    public ImmutableArray<Participant> Participants { get => _participants.Items; init => _participants = new(value); }

    /// <summary>Gets the instance's explicit lifecycle mark (a series has none: marks belong to one occurrence).</summary>
    public ProgressMark Progress { get; init; }

    /// <summary>Gets the revision of this instance: increases with every change to it.</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the instance was first changed on its own.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the instance last changed.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Gets a value indicating whether the override changes anything shown about the instance (beyond participants).</summary>
    public bool ChangesInstance => IsCancelled || Start.HasValue || Duration.HasValue || Details.SetsAny || Progress != ProgressMark.None;
}
