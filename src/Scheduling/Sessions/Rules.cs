using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>Small rule operations the sessions API needs: a copy with another end, and the span a series covers.</summary>
internal static class Rules
{
    /// <summary>The most occurrences expanded to find where a COUNT series ends; beyond that it is treated as open-ended.</summary>
    private const int MaxCountForSpan = 100_000;

    public static RecurrenceRule WithEnd(RecurrenceRule rule, int? count, Instant? until) => new(
        rule.Frequency,
        rule.Interval,
        count,
        until is Instant instant ? RecurrenceUntil.FromInstant(Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds())) : null,
        rule.BySecond,
        rule.ByMinute,
        rule.ByHour,
        rule.ByDay,
        rule.ByMonthDay,
        rule.ByYearDay,
        rule.ByWeekNo,
        rule.ByMonth,
        rule.BySetPosition,
        rule.WeekStart);

    /// <summary>
    /// The latest instant an instance can end, or null when the series never ends (or ends too far to compute cheaply).
    /// An extra date (RDATE) after the rule's last occurrence extends it: stores find a series by this span, so a
    /// query would otherwise miss that instance.
    /// </summary>
    public static Instant? SpanEnd(RecurrenceSet set, Duration duration)
    {
        if (RuleSpanEnd(set, duration) is not Instant end)
        {
            return null;
        }

        if (set.RecurrenceDates.IsEmpty)
        {
            return end;
        }

        var lastExtra = SupportedTimes.EndOf(set.RecurrenceDates[^1].InZoneLeniently(set.Zone).ToInstant(), Duration.Max(duration, Duration.Epsilon));
        return lastExtra > end ? lastExtra : end;
    }

    private static Instant? RuleSpanEnd(RecurrenceSet set, Duration duration)
    {
        // The span is half-open, so an instant-long last instance needs the span to reach past its start.
        duration = Duration.Max(duration, Duration.Epsilon);
        var rule = set.Rule!;
        if (rule.Count is int count && count <= MaxCountForSpan)
        {
            Occurrence? last = null;
            foreach (var occurrence in set.All())
            {
                last = occurrence;
            }

            return SupportedTimes.EndOf(last is { } final ? final.Start : set.Start.InZoneLeniently(set.Zone).ToInstant(), duration);
        }

        if (rule.Until is RecurrenceUntil until)
        {
            // UNTIL bounds the start of the last instance; a day of slack covers DATE and floating forms in any offset.
            var bound = until.Kind switch
            {
                RecurrenceUntilKind.Instant => until.Instant,
                RecurrenceUntilKind.LocalDateTime => SupportedTimes.EndOf(until.LocalDateTime.InUtc().ToInstant(), Duration.FromDays(1)),
                _ => SupportedTimes.EndOf(until.Date.AtMidnight().InUtc().ToInstant(), Duration.FromDays(2)),
            };
            return SupportedTimes.EndOf(bound, duration);
        }

        return null;
    }
}
