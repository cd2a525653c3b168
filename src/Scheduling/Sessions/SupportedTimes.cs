using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// The sessions API's reading of <see cref="SupportedRange"/>: which starts, ends, durations and windows it takes, and
/// how an instance that would outlast the range ends. Every value outside is refused with
/// <see cref="SchedulingErrorCode.InvalidArgument"/> naming the field, before any arithmetic can overflow. (A rule's
/// UNTIL is the engine's to check, where the rule is built.)
/// </summary>
internal static class SupportedTimes
{
    /// <summary>The longest a session or an instance may last: the whole supported range.</summary>
    public static Duration LongestDuration { get; } = SupportedRange.End - SupportedRange.Start;

    /// <summary>Refuses a start outside <c>[Start, End)</c>, as an instant and, for a wall-clock value, as a local time.</summary>
    public static void CheckStart(CalendarDateTime start, string field)
    {
        if (!SupportedRange.Contains(start.Timestamp) || (start.LocalDateTime is LocalDateTime local && !SupportedRange.Contains(local)))
        {
            throw OutOfRange(field, start.ToString());
        }
    }

    /// <summary>Refuses an end outside <c>[Start, End]</c>: a session may end exactly where the range ends.</summary>
    public static void CheckEnd(CalendarDateTime end, string field)
    {
        if (!SupportedRange.ContainsEnd(end.Timestamp))
        {
            throw OutOfRange(field, end.ToString());
        }
    }

    /// <summary>Refuses a local start outside <c>[LocalStart, LocalEnd)</c>.</summary>
    public static void CheckStart(LocalDateTime start, string field)
    {
        if (!SupportedRange.Contains(start))
        {
            throw OutOfRange(field, LocalDateTimePattern.ExtendedIso.Format(start));
        }
    }

    /// <summary>Refuses a duration that is negative or longer than the supported range.</summary>
    public static void CheckDuration(Duration duration, string field)
    {
        if (duration < Duration.Zero)
        {
            throw SchedulingException.Invalid(field, "The duration must not be negative.");
        }

        if (duration > LongestDuration)
        {
            throw SchedulingException.Invalid(field, $"The duration ({duration.TotalDays:0.#} days) is longer than the supported range of years ({LongestDuration.TotalDays:0.#} days).");
        }
    }

    /// <summary>Refuses a query window that reaches outside <c>[Start, End]</c>.</summary>
    public static void CheckWindow(Instant from, Instant to)
    {
        if (!SupportedRange.Contains(from))
        {
            throw OutOfRange("from", InstantPattern.ExtendedIso.Format(from));
        }

        if (!SupportedRange.ContainsEnd(to))
        {
            throw OutOfRange("to", InstantPattern.ExtendedIso.Format(to));
        }
    }

    /// <summary>
    /// <paramref name="start"/> plus <paramref name="duration"/>, or <see cref="SupportedRange.End"/> when that is
    /// later: an instance near the end of the range ends with it instead of overflowing. No query window reaches past
    /// the end, so nothing that overlaps a window changes.
    /// </summary>
    public static Instant EndOf(Instant start, Duration duration) =>
        start >= SupportedRange.End || duration >= SupportedRange.End - start ? Max(start, SupportedRange.End) : start + duration;

    /// <inheritdoc cref="EndOf(Instant, Duration)"/>
    public static CalendarDateTime EndOf(CalendarDateTime start, Duration duration)
    {
        if (start.Timestamp < SupportedRange.End && duration < SupportedRange.End - start.Timestamp)
        {
            return start.Plus(duration);
        }

        var end = Max(start.Timestamp, SupportedRange.End);
        return start.Zone is { } zone ? CalendarDateTime.FromInstantInZone(end, zone) : CalendarDateTime.AtInstant(end);
    }

    private static Instant Max(Instant left, Instant right) => left > right ? left : right;

    private static SchedulingException OutOfRange(string field, string value) =>
        SchedulingException.Invalid(field, $"'{field}' ({value}) is outside the supported range of years ({Describe()}).");

    private static string Describe() =>
        $"{LocalDateTimePattern.ExtendedIso.Format(SupportedRange.LocalStart)} to {LocalDateTimePattern.ExtendedIso.Format(SupportedRange.LocalEnd)}, end exclusive";
}
