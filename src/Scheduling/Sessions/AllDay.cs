using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// All-day sessions and series: dates in a zone (RFC 5545 VALUE=DATE). A day runs from the start of its date in the
/// zone to the start of the next (NodaTime's <see cref="DateTimeZone.AtStartOfDay(LocalDate)"/>, which takes the
/// first instant of a day whose midnight falls in a DST gap), so a day across a DST change lasts 23 or 25 hours.
/// </summary>
internal static class AllDay
{
    /// <summary>
    /// How far the elapsed time of a number of calendar days can exceed that many 24-hour days: a DST change is at most
    /// a few hours, and a zone that moved across the date line changed by a day.
    /// </summary>
    public static Duration Slack { get; } = Duration.FromDays(1);

    /// <summary>The start of <paramref name="date"/> in <paramref name="zone"/>, as a wall-clock value.</summary>
    /// <remarks>A date the zone skipped altogether (Samoa's 2011-12-30) starts where the lenient reading of its midnight lands.</remarks>
    public static CalendarDateTime StartOf(LocalDate date, DateTimeZone zone)
    {
        ZonedDateTime start;
        try
        {
            start = zone.AtStartOfDay(date);
        }
        catch (SkippedTimeException)
        {
            start = date.AtMidnight().InZoneLeniently(zone);
        }

        return CalendarDateTime.FromInstantInZone(start.ToInstant(), zone);
    }

    /// <summary>The whole calendar days a stored duration of an all-day series or instance stands for (at least one).</summary>
    public static int Days(Duration duration) => (int)Math.Max(1, Math.Round(duration.TotalDays));

    /// <summary>
    /// The end of an all-day instance that starts on <paramref name="start"/>'s date and lasts <paramref name="days"/>
    /// calendar days: the start of the day after its last, or the end of the supported range when that lies beyond it.
    /// </summary>
    public static CalendarDateTime EndOf(CalendarDateTime start, int days)
    {
        var zone = start.Zone!;
        var date = start.LocalDateTime!.Value.Date;
        var room = Period.Between(date, SupportedRange.LocalEnd.Date, PeriodUnits.Days).Days;
        return days < room ? StartOf(date.PlusDays(days), zone) : CalendarDateTime.FromInstantInZone(SupportedRange.End, zone);
    }

    /// <summary>
    /// An all-day session's start and end as the start of their days: both must be wall-clock values in one zone, each
    /// at midnight or at the start of its day, the end's date after the start's. Refusals name <c>start</c> or <c>end</c>.
    /// </summary>
    public static (CalendarDateTime Start, CalendarDateTime End) Days(CalendarDateTime start, CalendarDateTime end)
    {
        var first = DayOf(start, "start");
        var last = DayOf(end, "end");
        if (start.Zone!.Id != end.Zone!.Id)
        {
            throw SchedulingException.Invalid("end", $"An all-day session's end is a date in the zone of its start ({start.Zone.Id}), not in {end.Zone.Id}.");
        }

        if (last <= first)
        {
            throw SchedulingException.Invalid("end", $"An all-day session ends on a date after its start ({Format(first)}): the end is the day after its last day, as iCalendar's DTEND; {Format(last)} is not.");
        }

        return (StartOf(first, start.Zone), StartOf(last, start.Zone));
    }

    /// <summary>An all-day session with its start and end at the start of their days (see <see cref="Days(CalendarDateTime, CalendarDateTime)"/>); any other session as it is.</summary>
    public static Session Normalised(Session session)
    {
        if (!session.IsAllDay)
        {
            return session;
        }

        var (start, end) = Days(session.Start, session.End);
        return session with { Start = start, End = end };
    }

    /// <summary>
    /// The start and end of an edited all-day session or instance: the start at the start of its day, the end as given
    /// or, when not, as many days later as it lasted (<paramref name="lasted"/>, read as whole days).
    /// </summary>
    public static (CalendarDateTime Start, CalendarDateTime End) Moved(CalendarDateTime start, CalendarDateTime? end, Duration lasted)
    {
        var first = StartOf(DayOf(start, "start"), start.Zone!);
        return Days(first, end ?? EndOf(first, Days(lasted)));
    }

    /// <summary>
    /// Refuses an all-day series that is not whole days: a start other than midnight, a duration other than a positive
    /// number of days, exception or extra dates other than midnight (the rule's own limits are the engine's).
    /// </summary>
    public static void Check(RecurringSession series)
    {
        if (series.Start.TimeOfDay != LocalTime.Midnight)
        {
            throw SchedulingException.Invalid("start", $"An all-day series starts on a date: its start is that date at midnight, not {LocalDateTimePattern.ExtendedIso.Format(series.Start)}.");
        }

        if (series.Duration < Duration.FromDays(1) || series.Duration != Duration.FromDays(series.Duration.Days))
        {
            throw SchedulingException.Invalid("duration", $"An all-day series lasts whole days (Duration.FromDays(n), n at least 1), read as calendar days; {series.Duration} is not.");
        }

        CheckMidnights(series.ExceptionDates, "exceptionDates");
        CheckMidnights(series.ExtraDates, "extraDates");
    }

    /// <summary>The recurrence set of an all-day series: its dates as RFC 5545 DATE values.</summary>
    public static RecurrenceSet SetOf(RecurringSession series) => RecurrenceSet.ForAllDay(
        series.Start.Date,
        series.Zone,
        series.Rule,
        SeriesDates.OrEmpty(series.ExtraDates).Select(date => date.Date),
        SeriesDates.OrEmpty(series.ExceptionDates).Select(date => date.Date));

    private static LocalDate DayOf(CalendarDateTime value, string field)
    {
        if (value.LocalDateTime is not LocalDateTime local)
        {
            throw SchedulingException.Invalid(field, $"An all-day session's {field} is a date in a zone: give a wall-clock value at the start of the day, not the instant {value}.");
        }

        if (local.TimeOfDay != LocalTime.Midnight && StartOf(local.Date, value.Zone!).LocalDateTime != local)
        {
            throw SchedulingException.Invalid(field, $"An all-day session's {field} is at the start of a day, not at {LocalDateTimePattern.ExtendedIso.Format(local)}.");
        }

        return local.Date;
    }

    private static void CheckMidnights(System.Collections.Immutable.ImmutableArray<LocalDateTime> dates, string field)
    {
        foreach (var date in SeriesDates.OrEmpty(dates))
        {
            if (date.TimeOfDay != LocalTime.Midnight)
            {
                throw SchedulingException.Invalid(field, $"The dates of an all-day series are dates at midnight, not {LocalDateTimePattern.ExtendedIso.Format(date)}.");
            }
        }
    }

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
