using NodaTime;

namespace Scheduling.Stores.Relational;

/// <summary>
/// Instants and durations as the Unix ticks (100 ns) the indexed columns of both SQL stores hold. Starts are floored
/// and ends and lengths ceiled, so a condition on tick columns never leaves out a row the exact values would keep;
/// the exact values are in the JSON body (or in a <c>_nanos</c> column beside the ticks) and decide in the end.
/// </summary>
internal static class Ticks
{
    /// <summary>The tick at or before <paramref name="instant"/>.</summary>
    public static long Floor(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>The tick at or after <paramref name="instant"/>.</summary>
    public static long Ceiling(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) < instant ? ticks + 1 : ticks;
    }

    /// <summary>The whole ticks at or above <paramref name="duration"/>.</summary>
    public static long Ceiling(Duration duration)
    {
        var ticks = duration.BclCompatibleTicks;
        return Duration.FromTicks(ticks) < duration ? ticks + 1 : ticks;
    }

    /// <summary>The nanoseconds by which <paramref name="instant"/> is past <see cref="Floor(Instant)"/> (0 to 99).</summary>
    public static short NanosecondsPastFloor(Instant instant) =>
        (short)(instant - Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks())).ToInt64Nanoseconds();

    /// <summary>The instant <see cref="Floor(Instant)"/> and <see cref="NanosecondsPastFloor"/> were taken from.</summary>
    public static Instant ToInstant(long ticks, short nanoseconds) =>
        Instant.FromUnixTimeTicks(ticks).PlusNanoseconds(nanoseconds);
}
