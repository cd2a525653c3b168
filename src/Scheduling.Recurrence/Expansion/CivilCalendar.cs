using NodaTime;

namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// Proleptic Gregorian arithmetic on plain integers: day numbers (days since 1970-01-01) and local seconds
/// (seconds since 1970-01-01T00:00 of the local timeline). The expansion hot path works on these instead of NodaTime
/// values so that it allocates nothing and validates nothing it has already proved.
/// </summary>
internal static class CivilCalendar
{
    public const int SecondsPerDay = 86_400;

    /// <summary>The first local second after <see cref="SupportedRange"/>: 9999-12-31T00:00:00. Expansion stops there.</summary>
    public static readonly long SupportedEnd = ToLocalSeconds(SupportedRange.LocalEnd);

    private static readonly int[] MonthStartNormal = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly int[] MonthStartLeap = [0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    public static bool IsLeapYear(long year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    public static int DaysInYear(long year) => IsLeapYear(year) ? 366 : 365;

    public static int DaysInMonth(long year, int month) => month == 2
        ? (IsLeapYear(year) ? 29 : 28)
        : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);

    /// <summary>The zero-based day of the year on which <paramref name="month"/> starts.</summary>
    public static int MonthStartInYear(long year, int month) => (IsLeapYear(year) ? MonthStartLeap : MonthStartNormal)[month];

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = FloorDivide(year, 400);
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    /// <summary>The proleptic Gregorian date of a day number (Hinnant's civil_from_days).</summary>
    public static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        days += 719_468;
        var era = FloorDivide(days, 146_097);
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
    }

    /// <summary>The ISO day of the week (1 = Monday ... 7 = Sunday) of a day number; 1970-01-01 was a Thursday.</summary>
    public static int DayOfWeek(long days) => (int)FloorModulo(days + 3, 7) + 1;

    public static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? quotient - 1 : quotient;
    }

    public static long FloorModulo(long value, long divisor) => value - (FloorDivide(value, divisor) * divisor);

    /// <summary>The smallest <c>k</c> with <c>origin + k * step &gt;= target</c>.</summary>
    public static long CeilingSteps(long target, long origin, long step) => -FloorDivide(origin - target, step);

    public static long ToLocalSeconds(LocalDateTime value) =>
        (DaysFromCivil(value.Year, value.Month, value.Day) * SecondsPerDay) + (value.Hour * 3600L) + (value.Minute * 60L) + value.Second;

    public static LocalDateTime ToLocalDateTime(long localSeconds)
    {
        var days = FloorDivide(localSeconds, SecondsPerDay);
        var secondOfDay = (int)(localSeconds - (days * SecondsPerDay));
        CivilFromDays(days, out var year, out var month, out var day);
        return new LocalDateTime((int)year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    }
}
