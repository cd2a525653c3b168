namespace Scheduling.Recurrence;

/// <summary>
/// The names of the rule parts and the ranges RFC 5545 section 3.3.10 allows for their values, shared by the
/// constructor of <see cref="RecurrenceRule"/> and the parser so both say the same thing about the same mistake.
/// </summary>
internal static class RuleParts
{
    public const string Freq = "FREQ";
    public const string Interval = "INTERVAL";
    public const string Count = "COUNT";
    public const string Until = "UNTIL";
    public const string BySecond = "BYSECOND";
    public const string ByMinute = "BYMINUTE";
    public const string ByHour = "BYHOUR";
    public const string ByDay = "BYDAY";
    public const string ByMonthDay = "BYMONTHDAY";
    public const string ByYearDay = "BYYEARDAY";
    public const string ByWeekNo = "BYWEEKNO";
    public const string ByMonth = "BYMONTH";
    public const string BySetPos = "BYSETPOS";
    public const string WeekStart = "WKST";

    /// <summary>The largest COUNT a rule may have (see <see cref="RecurrenceRule.MaxCount"/>).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The largest INTERVAL a rule may have (see <see cref="RecurrenceRule.MaxInterval"/>).</summary>
    public const int MaxInterval = 999_999_999;

    /// <summary>The largest magnitude of a BYDAY ordinal: a year has at most 53 of each weekday.</summary>
    public const int MaxOrdinal = 53;

    /// <summary>Gets the inclusive range of a numeric list part, and whether zero is allowed.</summary>
    public static (int Min, int Max, bool Signed) RangeOf(string part) => part switch
    {
        BySecond => (0, 60, false), // 60 is a leap second: accepted, and never matches (NodaTime has no such second).
        ByMinute => (0, 59, false),
        ByHour => (0, 23, false),
        ByMonthDay => (1, 31, true),
        ByYearDay => (1, 366, true),
        ByWeekNo => (1, 53, true),
        ByMonth => (1, 12, false),
        BySetPos => (1, 366, true),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>Checks COUNT or INTERVAL: 1 to its maximum. Returns a sentence naming the problem, or null.</summary>
    public static string? CheckPositive(string part, long value)
    {
        var max = part == Count ? MaxCount : MaxInterval;
        if (value < 1)
        {
            return $"{part} value {value} is out of range: it must be at least 1.";
        }

        return value > max ? $"{part} value {value} is out of range: it must be at most {max:N0}." : null;
    }

    /// <summary>Checks an UNTIL value against <see cref="SupportedRange"/>. Returns a sentence naming the problem, or null.</summary>
    public static string? CheckUntil(RecurrenceUntil until)
    {
        var inside = until.Kind switch
        {
            RecurrenceUntilKind.Date => until.Date >= SupportedRange.LocalStart.Date && until.Date < SupportedRange.LocalEnd.Date,
            RecurrenceUntilKind.LocalDateTime => SupportedRange.Contains(until.LocalDateTime),
            _ => SupportedRange.Contains(until.Instant),
        };
        return inside
            ? null
            : $"UNTIL value {until} is outside the supported range: it must lie from 0001-01-02 to before 9999-12-31.";
    }

    /// <summary>Checks one BYDAY entry: a day of the week and an ordinal within ±53. Returns a sentence naming the problem, or null.</summary>
    public static string? CheckWeekday(OrdinalWeekday entry) =>
        entry.Day < NodaTime.IsoDayOfWeek.Monday || entry.Day > NodaTime.IsoDayOfWeek.Sunday
            ? $"BYDAY value has day {(int)entry.Day}, which is not a day of the week."
            : Math.Abs(entry.Ordinal) > MaxOrdinal
                ? $"BYDAY value {entry} has ordinal {entry.Ordinal}: use 1 to {MaxOrdinal} or -{MaxOrdinal} to -1."
                : null;

    /// <summary>Checks one value of a numeric list part; returns a sentence naming the problem, or null.</summary>
    public static string? CheckValue(string part, long value)
    {
        var (min, max, signed) = RangeOf(part);
        var magnitude = signed ? Math.Abs(value) : value;
        if (signed && value == 0)
        {
            return $"{part} value 0 is not allowed: use 1 to {max} or -{max} to -1.";
        }

        if (magnitude < min || magnitude > max)
        {
            return signed
                ? $"{part} value {value} is out of range: use 1 to {max} or -{max} to -1."
                : $"{part} value {value} is out of range: use {min} to {max}.";
        }

        return null;
    }

    /// <summary>
    /// Checks the rule parts that RFC 5545 section 3.3.10 forbids together. <paramref name="positionOf"/> gives the
    /// text position of a part when the rule came from text.
    /// </summary>
    public static RecurrenceError? CheckCombination(
        RecurrenceFrequency frequency,
        bool hasCount,
        bool hasUntil,
        ReadOnlySpan<OrdinalWeekday> byDay,
        bool hasBySecond,
        bool hasByMinute,
        bool hasByHour,
        bool hasByMonthDay,
        bool hasByYearDay,
        bool hasByWeekNo,
        bool hasByMonth,
        bool hasBySetPos,
        Func<string, int?>? positionOf)
    {
        RecurrenceError Error(string part, string message) =>
            new(RecurrenceErrorCode.InvalidCombination, message, part, positionOf?.Invoke(part));

        if (hasCount && hasUntil)
        {
            var later = (positionOf?.Invoke(Count) ?? 0) > (positionOf?.Invoke(Until) ?? 0) ? Count : Until;
            return Error(later, "COUNT and UNTIL cannot both be given (RFC 5545 section 3.3.10).");
        }

        var name = Text.RecurrenceRuleFormatter.FrequencyName(frequency);
        if (hasByWeekNo && frequency != RecurrenceFrequency.Yearly)
        {
            return Error(ByWeekNo, $"BYWEEKNO is only valid with FREQ=YEARLY, not FREQ={name}.");
        }

        if (hasByYearDay && frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly or RecurrenceFrequency.Monthly)
        {
            return Error(ByYearDay, $"BYYEARDAY is not valid with FREQ={name}.");
        }

        if (hasByMonthDay && frequency == RecurrenceFrequency.Weekly)
        {
            return Error(ByMonthDay, "BYMONTHDAY is not valid with FREQ=WEEKLY.");
        }

        foreach (var entry in byDay)
        {
            if (!entry.HasOrdinal)
            {
                continue;
            }

            if (frequency is not (RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly))
            {
                return Error(ByDay, $"BYDAY value {entry} has an ordinal, which is only valid with FREQ=MONTHLY or FREQ=YEARLY, not FREQ={name}.");
            }

            if (frequency == RecurrenceFrequency.Yearly && hasByWeekNo)
            {
                return Error(ByDay, $"BYDAY value {entry} has an ordinal, which is not valid together with BYWEEKNO.");
            }

            if (frequency == RecurrenceFrequency.Monthly && Math.Abs(entry.Ordinal) > 5)
            {
                return new RecurrenceError(
                    RecurrenceErrorCode.OutOfRange,
                    $"BYDAY value {entry} asks for more than the 5 such days a month can have.",
                    ByDay,
                    positionOf?.Invoke(ByDay));
            }
        }

        var hasOtherBy = hasBySecond || hasByMinute || hasByHour || !byDay.IsEmpty || hasByMonthDay
            || hasByYearDay || hasByWeekNo || hasByMonth;
        if (hasBySetPos && !hasOtherBy)
        {
            return Error(BySetPos, "BYSETPOS must be used together with another BYxxx rule part.");
        }

        return null;
    }
}
