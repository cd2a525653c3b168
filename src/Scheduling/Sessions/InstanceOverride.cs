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

    /// <summary>Gets the instance's own title, or null to inherit.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the instance's own tags, or null to inherit.</summary>
    public ImmutableArray<string>? Tags { get; init; }

    /// <summary>Gets the instance's own notes, or null to inherit.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the instance's own location, or null to inherit.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the instance's own capacity, or null to inherit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Gets the participants booked into this instance.</summary>
    public ImmutableArray<Participant> Participants { get; init; } = [];

    /// <summary>Gets the instance's own client, or null to inherit.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the instance's own service ids, or null to inherit.</summary>
    public ImmutableArray<string>? ServiceIds { get; init; }

    /// <summary>Gets the instance's own custom field values, or null to inherit.</summary>
    public ImmutableArray<FieldValue>? FieldValues { get; init; }

    /// <summary>Gets the instance's own attachments, or null to inherit.</summary>
    public ImmutableArray<Attachment>? Attachments { get; init; }

    /// <summary>Gets the instance's own dated notes (its series' notes it was given first included), or null to inherit.</summary>
    public ImmutableArray<SessionNote>? NoteLog { get; init; }

    /// <summary>Gets the instance's own invoice, or null to inherit.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the instance's own names at booking, or null to inherit.</summary>
    public NameSnapshot? Names { get; init; }

    /// <summary>Gets the instance's explicit lifecycle mark (a series has none: marks belong to one occurrence).</summary>
    public ProgressMark Progress { get; init; }

    /// <summary>Gets the revision of this instance: increases with every change to it.</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the instance was first changed on its own.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the instance last changed.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Gets a value indicating whether the override changes anything shown about the instance (beyond participants).</summary>
    public bool ChangesInstance =>
        IsCancelled || Start.HasValue || Duration.HasValue || Title is not null || Tags.HasValue || Notes is not null
        || Location is not null || Capacity.HasValue || ClientId is not null || ServiceIds.HasValue || FieldValues.HasValue
        || Attachments.HasValue || NoteLog.HasValue || Invoice is not null || Names is not null || Progress != ProgressMark.None;
}
