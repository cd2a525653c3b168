namespace Scheduling.Cli.Expansion;

/// <summary>
/// A request as text, the way the command line or a JSON line gives it, before any of it is checked. Field names
/// follow the JSON lines (<c>tz</c>, <c>dtstart</c>, <c>rrule</c>, <c>exdate</c>, <c>rdate</c>, <c>from</c>,
/// <c>to</c>). <see cref="ExpansionRequest.TryCreate"/> turns it into a validated request.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed record ExpansionInput
{
    /// <summary>Gets the IANA time zone id every local value is read in (<c>tz</c>), or null when missing.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets DTSTART (<c>dtstart</c>): a date for an all-day series, else a local date-time; null when missing.</summary>
    public string? Start { get; init; }

    /// <summary>Gets the RRULE text (<c>rrule</c>), or null for a set of DTSTART and RDATEs only.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets the EXDATEs (<c>exdate</c>), of the same kind as DTSTART.</summary>
    public IReadOnlyList<string> ExceptionDates { get; init; } = [];

    /// <summary>Gets the RDATEs (<c>rdate</c>), of the same kind as DTSTART.</summary>
    public IReadOnlyList<string> RecurrenceDates { get; init; } = [];

    /// <summary>Gets the inclusive start of the window as a local value (<c>from</c>), or null when missing.</summary>
    public string? From { get; init; }

    /// <summary>Gets the exclusive end of the window as a local value (<c>to</c>), or null when missing.</summary>
    public string? To { get; init; }
}
