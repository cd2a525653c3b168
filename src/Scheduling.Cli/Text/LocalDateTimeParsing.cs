using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Scheduling.Cli.Text;

/// <summary>
/// Reads the local values a request gives: <c>YYYY-MM-DD</c> (a date), <c>YYYY-MM-DDTHH:MM</c> and
/// <c>YYYY-MM-DDTHH:MM:SS</c> (local date-times, seconds zero when absent).
/// </summary>
/// <remarks>
/// The forms are the ISO 8601 extended forms of RFC 5545's DATE and floating DATE-TIME (sections 3.3.4 and 3.3.5).
/// A value with a UTC offset or <c>Z</c>, or with a fraction of a second, is refused with a reason: every local value
/// of a request is read in the request's time zone, and RFC 5545 date-times are whole seconds. Years run from 1 to
/// 9999. Parsing does not throw; a problem comes back as a phrase that completes "is not a valid local value: ...".
/// This type is stateless and thread-safe.
/// </remarks>
internal static class LocalDateTimeParsing
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string ExpectedForms = "YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS";

    private const int DateLength = 10;
    private const int MinutesTimeLength = 5;
    private const int SecondsTimeLength = 8;

    /// <summary>Parses a date or a local date-time.</summary>
    /// <param name="text">The text, without surrounding white space.</param>
    /// <param name="value">The value, when the text is valid.</param>
    /// <param name="problem">Why the text is not valid, for example <c>month 13 is out of range 1-12</c>.</param>
    /// <returns>True when <paramref name="text"/> is valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LocalDateOrDateTime value, [NotNullWhen(false)] out string? problem)
    {
        value = default;
        if (!TryParseDate(text, out var date, out problem))
        {
            return false;
        }

        if (text.Length == DateLength)
        {
            value = LocalDateOrDateTime.FromDate(date);
            return true;
        }

        if (text[DateLength] != 'T')
        {
            problem = $"expected {ExpectedForms}";
            return false;
        }

        var time = text[(DateLength + 1)..];
        if (time.Length > MinutesTimeLength && time[MinutesTimeLength] != ':')
        {
            problem = DescribeSuffix(time[MinutesTimeLength..]);
            return false;
        }

        if (time.Length > SecondsTimeLength)
        {
            problem = DescribeSuffix(time[SecondsTimeLength..]);
            return false;
        }

        if (time.Length is not (MinutesTimeLength or SecondsTimeLength) || time[2] != ':'
            || !TryReadNumber(time[..2], out var hour)
            || !TryReadNumber(time.Slice(3, 2), out var minute))
        {
            problem = $"expected {ExpectedForms}";
            return false;
        }

        var second = 0;
        if (time.Length == SecondsTimeLength && !TryReadNumber(time.Slice(6, 2), out second))
        {
            problem = $"expected {ExpectedForms}";
            return false;
        }

        problem = hour > 23 ? $"hour {hour} is out of range 0-23"
            : minute > 59 ? $"minute {minute} is out of range 0-59"
            : second > 59 ? $"second {second} is out of range 0-59"
            : null;
        if (problem is not null)
        {
            return false;
        }

        value = LocalDateOrDateTime.FromDateTime(date.At(new LocalTime(hour, minute, second)));
        return true;
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out LocalDate date, [NotNullWhen(false)] out string? problem)
    {
        date = default;
        if (text.Length < DateLength || text[4] != '-' || text[7] != '-'
            || !TryReadNumber(text[..4], out var year)
            || !TryReadNumber(text.Slice(5, 2), out var month)
            || !TryReadNumber(text.Slice(8, 2), out var day))
        {
            problem = text.IsEmpty ? $"it is empty; expected {ExpectedForms}" : $"expected {ExpectedForms}";
            return false;
        }

        if (year < 1)
        {
            problem = $"year {year} is out of range 1-9999";
            return false;
        }

        if (month is < 1 or > 12)
        {
            problem = $"month {month} is out of range 1-12";
            return false;
        }

        var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            problem = $"day {day} is out of range 1-{daysInMonth} for {year:D4}-{month:D2}";
            return false;
        }

        date = new LocalDate(year, month, day);
        problem = null;
        return true;
    }

    private static string DescribeSuffix(ReadOnlySpan<char> suffix) =>
        suffix[0] switch
        {
            'Z' or 'z' or '+' or '-' => "it has a UTC offset; give the local time in the time zone instead",
            '.' or ',' => "fractions of a second are not supported; RFC 5545 date-times are whole seconds",
            _ => $"expected {ExpectedForms}",
        };

    private static bool TryReadNumber(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
