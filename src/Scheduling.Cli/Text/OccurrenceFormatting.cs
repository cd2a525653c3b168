using System.Text;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Text;

/// <summary>
/// Writes occurrences as UTF-8 ISO 8601 text without allocating: <c>2025-03-09T03:30:00-04:00</c> for a timed
/// occurrence (exactly <see cref="Occurrence.ToString"/>: seconds always shown, <c>+00:00</c> rather than <c>Z</c>)
/// and <c>2025-01-06</c> for an all-day one.
/// </summary>
/// <remarks>
/// The fast path covers years 1 to 9999 and offsets in whole minutes; anything else (a local mean time offset with
/// seconds, say) is formatted by <see cref="Occurrence.ToString"/> so the text never differs from the engine's.
/// This type is stateless and thread-safe.
/// </remarks>
internal static class OccurrenceFormatting
{
    /// <summary>The number of bytes a destination must have room for.</summary>
    public const int MaxLength = 64;

    /// <summary>Writes the start of <paramref name="occurrence"/> with its offset.</summary>
    /// <param name="occurrence">The occurrence.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteDateTime(Occurrence occurrence, Span<byte> destination)
    {
        var local = occurrence.LocalStart;
        var offsetSeconds = occurrence.Offset.Seconds;
        if (local.Year is < 1 or > 9999 || offsetSeconds % 60 != 0)
        {
            return Encoding.UTF8.GetBytes(occurrence.ToString(), destination);
        }

        WriteDate(local.Date, destination);
        destination[10] = (byte)'T';
        WriteTwoDigits(local.Hour, destination[11..]);
        destination[13] = (byte)':';
        WriteTwoDigits(local.Minute, destination[14..]);
        destination[16] = (byte)':';
        WriteTwoDigits(local.Second, destination[17..]);
        destination[19] = offsetSeconds < 0 ? (byte)'-' : (byte)'+';
        var offsetMinutes = Math.Abs(offsetSeconds) / 60;
        WriteTwoDigits(offsetMinutes / 60, destination[20..]);
        destination[22] = (byte)':';
        WriteTwoDigits(offsetMinutes % 60, destination[23..]);
        return 25;
    }

    /// <summary>Writes the date of an all-day occurrence: the day the recurrence produced.</summary>
    /// <param name="occurrence">An occurrence of an all-day set.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteDate(Occurrence occurrence, Span<byte> destination)
    {
        var date = occurrence.RecurrenceId.Date;
        if (date.Year is < 1 or > 9999)
        {
            return Encoding.UTF8.GetBytes(date.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture), destination);
        }

        WriteDate(date, destination);
        return 10;
    }

    private static void WriteDate(LocalDate date, Span<byte> destination)
    {
        var year = date.Year;
        WriteTwoDigits(year / 100, destination);
        WriteTwoDigits(year % 100, destination[2..]);
        destination[4] = (byte)'-';
        WriteTwoDigits(date.Month, destination[5..]);
        destination[7] = (byte)'-';
        WriteTwoDigits(date.Day, destination[8..]);
    }

    private static void WriteTwoDigits(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }
}
