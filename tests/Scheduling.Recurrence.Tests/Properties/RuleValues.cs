using System.Globalization;
using System.Text;

namespace Scheduling.Recurrence.Tests.Properties;

/// <summary>
/// The raw values of a rule, valid or not, as a generator draws them: written as text for the parser and passed as
/// they are to the constructor, so the two can be compared on the same input.
/// </summary>
internal sealed record RuleValues(
    RecurrenceFrequency Frequency,
    int? Interval,
    int? Count,
    RecurrenceUntil? Until,
    IsoDayOfWeek? WeekStart,
    int[]? BySecond,
    int[]? ByMinute,
    int[]? ByHour,
    OrdinalWeekday[]? ByDay,
    int[]? ByMonthDay,
    int[]? ByYearDay,
    int[]? ByWeekNo,
    int[]? ByMonth,
    int[]? BySetPosition)
{
    private static readonly string[] DayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>Calls the constructor with these values.</summary>
    public RecurrenceRule Construct() => new(
        Frequency,
        Interval ?? 1,
        Count,
        Until,
        BySecond,
        ByMinute,
        ByHour,
        ByDay,
        ByMonthDay,
        ByYearDay,
        ByWeekNo,
        ByMonth,
        BySetPosition,
        WeekStart ?? IsoDayOfWeek.Monday);

    /// <summary>
    /// Writes the values as rule text, in the order the constructor checks them, so that when several values are
    /// wrong both name the same first one.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder("FREQ=").Append(Frequency.ToString().ToUpperInvariant());
        Append(text, "INTERVAL", Interval);
        Append(text, "COUNT", Count);
        if (Until is { } until)
        {
            text.Append(";UNTIL=").Append(until.ToString());
        }

        if (WeekStart is { } weekStart)
        {
            text.Append(";WKST=").Append(DayNames[(int)weekStart - 1]);
        }

        Append(text, "BYSECOND", BySecond);
        Append(text, "BYMINUTE", ByMinute);
        Append(text, "BYHOUR", ByHour);
        if (ByDay is not null)
        {
            text.Append(";BYDAY=").AppendJoin(',', ByDay.Select(day =>
                (day.HasOrdinal ? day.Ordinal.ToString(CultureInfo.InvariantCulture) : string.Empty) + DayNames[(int)day.Day - 1]));
        }

        Append(text, "BYMONTHDAY", ByMonthDay);
        Append(text, "BYYEARDAY", ByYearDay);
        Append(text, "BYWEEKNO", ByWeekNo);
        Append(text, "BYMONTH", ByMonth);
        Append(text, "BYSETPOS", BySetPosition);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, int? value)
    {
        if (value is { } number)
        {
            text.Append(';').Append(name).Append('=').Append(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Append(StringBuilder text, string name, int[]? values)
    {
        if (values is not null)
        {
            text.Append(';').Append(name).Append('=').AppendJoin(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
