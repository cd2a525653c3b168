using System.Collections.Immutable;

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

    /// <summary>Gets when the session starts.</summary>
    public required CalendarDateTime Start { get; init; }

    /// <summary>Gets when it ends.</summary>
    public required CalendarDateTime End { get; init; }
}
