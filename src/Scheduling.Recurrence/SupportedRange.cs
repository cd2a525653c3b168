using NodaTime;

namespace Scheduling.Recurrence;

/// <summary>
/// The span of time the library works in: from the start of 0001-01-02 to the start of 9999-12-31, both as local
/// wall-clock times and as instants. Starts, ends, UNTIL values, RDATEs, EXDATEs and query windows outside it are
/// refused with a typed error.
/// </summary>
/// <remarks>
/// <para>The first and the last day of the ISO calendar's years 1 to 9999 are left out so that every local time in
/// the range has an instant, and every instant a local time, in every zone: UTC offsets reach at most 18 hours either
/// way, so no conversion can step outside the values NodaTime represents, whatever the zone.</para>
/// <para>Both bounds are half-open: <see cref="Start"/> is the first supported moment and <see cref="End"/> the first
/// moment after the range. A window or a session may end exactly at <see cref="End"/>.</para>
/// </remarks>
public static class SupportedRange
{
    /// <summary>Gets the first supported local date-time, 0001-01-02T00:00:00.</summary>
    public static LocalDateTime LocalStart { get; } = new(1, 1, 2, 0, 0);

    /// <summary>Gets the first local date-time after the supported range, 9999-12-31T00:00:00.</summary>
    public static LocalDateTime LocalEnd { get; } = new(9999, 12, 31, 0, 0);

    /// <summary>Gets the first supported instant, 0001-01-02T00:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(1, 1, 2, 0, 0);

    /// <summary>Gets the first instant after the supported range, 9999-12-31T00:00:00Z.</summary>
    public static Instant End { get; } = Instant.FromUtc(9999, 12, 31, 0, 0);

    /// <summary>Whether a local date-time lies in [<see cref="LocalStart"/>, <see cref="LocalEnd"/>).</summary>
    public static bool Contains(LocalDateTime value) => value >= LocalStart && value < LocalEnd;

    /// <summary>Whether an instant lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public static bool Contains(Instant value) => value >= Start && value < End;

    /// <summary>Whether an instant may close a half-open interval: it lies in [<see cref="Start"/>, <see cref="End"/>].</summary>
    public static bool ContainsEnd(Instant value) => value >= Start && value <= End;
}
