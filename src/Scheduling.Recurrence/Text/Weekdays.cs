using NodaTime;

namespace Scheduling.Recurrence.Text;

/// <summary>The two-letter weekday names of RFC 5545 (<c>MO</c> to <c>SU</c>).</summary>
internal static class Weekdays
{
    private static readonly string[] Abbreviations = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static string Abbreviation(IsoDayOfWeek day) => Abbreviations[(int)day - 1];

    public static bool TryParse(ReadOnlySpan<char> text, out IsoDayOfWeek day)
    {
        for (var i = 0; i < Abbreviations.Length; i++)
        {
            if (text.Equals(Abbreviations[i], StringComparison.OrdinalIgnoreCase))
            {
                day = (IsoDayOfWeek)(i + 1);
                return true;
            }
        }

        day = IsoDayOfWeek.None;
        return false;
    }
}
