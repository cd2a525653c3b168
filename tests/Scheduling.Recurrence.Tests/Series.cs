using NodaTime.Text;

namespace Scheduling.Recurrence.Tests;

/// <summary>Builds recurrence sets from the short text forms the tests are written in.</summary>
internal static class Series
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <summary>A yearly rule that names every month, day, hour, minute and second: every second of the year, in one period.</summary>
    public static readonly string EverySecondOfTheYear =
        "FREQ=YEARLY;BYMONTH=" + Values(1, 12) + ";BYMONTHDAY=" + Values(1, 31) + ";BYHOUR=" + Values(0, 23)
        + ";BYMINUTE=" + Values(0, 59) + ";BYSECOND=" + Values(0, 59);

    public static LocalDateTime Local(string text) =>
        LocalPattern.Parse(text.Length == 16 ? text + ":00" : text).GetValueOrThrow();

    public static RecurrenceSet Create(string zone, string start, string? rule, IEnumerable<string>? exdates = null, IEnumerable<string>? rdates = null) =>
        new(
            Local(start),
            DateTimeZoneProviders.Tzdb[zone],
            rule is null ? null : RecurrenceRule.Parse(rule),
            rdates?.Select(Local),
            exdates?.Select(Local));

    /// <summary>The first <paramref name="take"/> occurrences, formatted as ISO 8601 with offset.</summary>
    public static List<string> First(int take, string zone, string start, string rule) =>
        Create(zone, start, rule).All().Take(take).Select(o => o.ToString()).ToList();

    /// <summary>The occurrences that start in [from, to), both local times in the zone.</summary>
    public static List<string> Between(string zone, string start, string rule, string from, string to) =>
        Between(Create(zone, start, rule), from, to);

    public static List<string> Between(RecurrenceSet set, string from, string to) =>
        set.Between(Instant(set.Zone, from), Instant(set.Zone, to)).ToList().Select(o => o.ToString()).ToList();

    public static Instant Instant(DateTimeZone zone, string local) => Local(local).InZoneLeniently(zone).ToInstant();

    private static string Values(int first, int last) => string.Join(',', Enumerable.Range(first, last - first + 1));
}
