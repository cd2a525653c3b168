using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// What the indexed columns hold, worked out from the aggregates. Instants become Unix ticks, rounded so a window
/// condition on the columns can only let more rows through than the exact rule: starts round down, ends and durations
/// round up. The stores apply the exact rule to the rows they read, so the rounding never shows.
/// </summary>
internal static class ColumnValues
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The instant in Unix ticks, rounded towards the start of time.</summary>
    public static long Floor(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>The instant in Unix ticks, rounded towards the end of time.</summary>
    public static long Ceiling(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks) == instant ? ticks : ticks + 1;
    }

    /// <summary>A duration in nanoseconds, as whole ticks rounded up.</summary>
    public static long CeilingTicks(long nanoseconds)
    {
        var ticks = Math.DivRem(nanoseconds, NanosecondsPerTick, out var remainder);
        return remainder > 0 ? ticks + 1 : ticks;
    }

    /// <summary>A local date-time as sortable ISO text: <c>2025-03-10T09:00:00</c>, with a fraction only when it has one.</summary>
    public static string Key(LocalDateTime value) => LocalDateTimePattern.ExtendedIso.Format(value);

    /// <summary>An exact instant as ISO text.</summary>
    public static string Text(Instant value) => InstantPattern.ExtendedIso.Format(value);

    /// <summary>Reads an instant written by <see cref="Text"/>.</summary>
    public static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>A set as a JSON array for <c>json_each</c>, or null when it is empty (empty means "any").</summary>
    public static string? JsonSet(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A set of numbers as a JSON array for <c>json_each</c>, or null when it is empty.</summary>
    public static string? JsonSet(IReadOnlyCollection<int> values) =>
        values.Count == 0 ? null : "[" + string.Join(",", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
