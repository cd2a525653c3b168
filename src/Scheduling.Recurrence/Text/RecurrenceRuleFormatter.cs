using System.Globalization;
using System.Text;
using NodaTime;

namespace Scheduling.Recurrence.Text;

/// <summary>
/// Writes the canonical text of a rule: parts in a fixed order, list values sorted and without duplicates,
/// defaults (INTERVAL=1, WKST=MO) left out. Parsing the result gives an equal rule.
/// </summary>
internal static class RecurrenceRuleFormatter
{
    public static string Format(RecurrenceRule rule)
    {
        var text = new StringBuilder(64);
        text.Append("FREQ=").Append(FrequencyName(rule.Frequency));
        if (rule.Interval != 1)
        {
            text.Append(";INTERVAL=").Append(rule.Interval.ToString(CultureInfo.InvariantCulture));
        }

        if (rule.Count is int count)
        {
            text.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
        }

        if (rule.Until is RecurrenceUntil until)
        {
            text.Append(";UNTIL=").Append(FormatUntil(until));
        }

        AppendList(text, "BYSECOND", rule.BySecond);
        AppendList(text, "BYMINUTE", rule.ByMinute);
        AppendList(text, "BYHOUR", rule.ByHour);
        if (!rule.ByDay.IsEmpty)
        {
            text.Append(";BYDAY=");
            for (var i = 0; i < rule.ByDay.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(rule.ByDay[i].ToString());
            }
        }

        AppendList(text, "BYMONTHDAY", rule.ByMonthDay);
        AppendList(text, "BYYEARDAY", rule.ByYearDay);
        AppendList(text, "BYWEEKNO", rule.ByWeekNo);
        AppendList(text, "BYMONTH", rule.ByMonth);
        AppendList(text, "BYSETPOS", rule.BySetPosition);
        if (rule.WeekStart != IsoDayOfWeek.Monday)
        {
            text.Append(";WKST=").Append(Weekdays.Abbreviation(rule.WeekStart));
        }

        return text.ToString();
    }

    public static string FrequencyName(RecurrenceFrequency frequency) => frequency switch
    {
        RecurrenceFrequency.Secondly => "SECONDLY",
        RecurrenceFrequency.Minutely => "MINUTELY",
        RecurrenceFrequency.Hourly => "HOURLY",
        RecurrenceFrequency.Daily => "DAILY",
        RecurrenceFrequency.Weekly => "WEEKLY",
        RecurrenceFrequency.Monthly => "MONTHLY",
        RecurrenceFrequency.Yearly => "YEARLY",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static string FormatUntil(RecurrenceUntil until) => until.Kind switch
    {
        RecurrenceUntilKind.Date => FormatDate(until.Date),
        RecurrenceUntilKind.LocalDateTime => FormatDateTime(until.LocalDateTime),
        _ => FormatDateTime(until.Instant.InUtc().LocalDateTime) + "Z",
    };

    public static string FormatDate(LocalDate date) =>
        date.Year.ToString("0000", CultureInfo.InvariantCulture)
        + date.Month.ToString("00", CultureInfo.InvariantCulture)
        + date.Day.ToString("00", CultureInfo.InvariantCulture);

    public static string FormatDateTime(LocalDateTime value) =>
        FormatDate(value.Date) + "T"
        + value.Hour.ToString("00", CultureInfo.InvariantCulture)
        + value.Minute.ToString("00", CultureInfo.InvariantCulture)
        + value.Second.ToString("00", CultureInfo.InvariantCulture);

    private static void AppendList(StringBuilder text, string name, System.Collections.Immutable.ImmutableArray<int> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        text.Append(';').Append(name).Append('=');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }
    }
}
