using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// A series' exception dates (EXDATE) and extra dates (RDATE): how they are normalised, checked, moved with the
/// series' start and divided by "this and following". Both are wall-clock starts in the series' zone in the terms of
/// its current rule, which is how <see cref="RecurrenceSet"/> takes them and how an EXDATE matches the local time the
/// rule produced (RFC 5545 section 3.8.5.1).
/// </summary>
internal static class SeriesDates
{
    /// <summary>The dates sorted, without duplicates; a default array reads as empty.</summary>
    public static ImmutableArray<LocalDateTime> Normalise(ImmutableArray<LocalDateTime> dates) =>
        dates.IsDefaultOrEmpty ? [] : [.. dates.Distinct().Order()];

    /// <summary>
    /// Refuses a date the engine cannot take (a fraction of a second, outside <see cref="SupportedRange"/>) and an
    /// extra date before the series' start (the stores find a series from its start on, so such an instance would be
    /// lost to queries), naming <c>exceptionDates</c> or <c>extraDates</c>.
    /// </summary>
    public static void Check(RecurringSession series)
    {
        foreach (var date in OrEmpty(series.ExceptionDates))
        {
            CheckOne(date, "exceptionDates");
        }

        foreach (var date in OrEmpty(series.ExtraDates))
        {
            CheckOne(date, "extraDates");
            if (date < series.Start)
            {
                throw SchedulingException.Invalid("extraDates", $"The extra date {Format(date)} is before the series' start {Format(series.Start)}: move the start, or leave the date out.");
            }
        }
    }

    /// <summary>The dates moved by <paramref name="seconds"/> of wall-clock time, as instance ids are when a series moves.</summary>
    /// <remarks>A date that the move would take out of <see cref="SupportedRange"/> stays out of range and is refused by <see cref="Check"/>.</remarks>
    public static ImmutableArray<LocalDateTime> Shift(ImmutableArray<LocalDateTime> dates, long seconds)
    {
        if (seconds == 0 || dates.IsDefaultOrEmpty)
        {
            return dates.IsDefault ? [] : dates;
        }

        var builder = ImmutableArray.CreateBuilder<LocalDateTime>(dates.Length);
        foreach (var date in dates)
        {
            builder.Add(ShiftOne(date, seconds));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// The dates of a series edited as a whole: those given, normalised; otherwise the stored ones moved as far as the
    /// start moved, so the instances they name stay the ones they name.
    /// </summary>
    public static RecurringSession Edited(RecurringSession stored, RecurringSession edited, RecurringSessionChanges changes)
    {
        var moved = Period.Between(stored.Start, edited.Start, PeriodUnits.Seconds).Seconds;
        return edited with
        {
            ExceptionDates = changes.ExceptionDates.HasValue ? Normalise(changes.ExceptionDates.Value) : Shift(stored.ExceptionDates, moved),
            ExtraDates = changes.ExtraDates.HasValue ? Normalise(changes.ExtraDates.Value) : Shift(stored.ExtraDates, moved),
        };
    }

    /// <summary>
    /// The dates of the two series a split at the occurrence produced at <paramref name="splitAt"/> makes: the ended
    /// series keeps those before it; the following one takes those given, or those at or after it moved by
    /// <paramref name="delta"/> (how far the following series starts from where the split instance was).
    /// </summary>
    public static (RecurringSession Ended, RecurringSession Following) Split(
        RecurringSession ended,
        RecurringSession following,
        RecurringSessionChanges changes,
        LocalDateTime splitAt,
        long delta) =>
        (
            ended with
            {
                ExceptionDates = Before(ended.ExceptionDates, splitAt),
                ExtraDates = Before(ended.ExtraDates, splitAt),
            },
            following with
            {
                ExceptionDates = changes.ExceptionDates.HasValue ? Normalise(changes.ExceptionDates.Value) : Shift(From(ended.ExceptionDates, splitAt), delta),
                ExtraDates = changes.ExtraDates.HasValue ? Normalise(changes.ExtraDates.Value) : Shift(From(ended.ExtraDates, splitAt), delta),
            });

    /// <summary>Whether <paramref name="date"/> is one of the series' extra dates (the list is sorted).</summary>
    public static bool IsExtra(RecurringSession series, LocalDateTime date) =>
        !series.ExtraDates.IsDefaultOrEmpty && series.ExtraDates.BinarySearch(date) >= 0;

    /// <summary>The dates, or none for a default array.</summary>
    public static ImmutableArray<LocalDateTime> OrEmpty(ImmutableArray<LocalDateTime> dates) => dates.IsDefault ? [] : dates;

    private static ImmutableArray<LocalDateTime> Before(ImmutableArray<LocalDateTime> dates, LocalDateTime splitAt) =>
        dates.IsDefaultOrEmpty ? [] : [.. dates.Where(date => date < splitAt)];

    private static ImmutableArray<LocalDateTime> From(ImmutableArray<LocalDateTime> dates, LocalDateTime splitAt) =>
        dates.IsDefaultOrEmpty ? [] : [.. dates.Where(date => date >= splitAt)];

    private static LocalDateTime ShiftOne(LocalDateTime date, long seconds)
    {
        // PlusSeconds throws past the calendar's own limits; a date that far away is out of the supported range anyway.
        var room = seconds > 0
            ? Period.Between(date, SupportedRange.LocalEnd, PeriodUnits.Seconds).Seconds
            : Period.Between(SupportedRange.LocalStart, date, PeriodUnits.Seconds).Seconds;
        return Math.Abs(seconds) > room ? (seconds > 0 ? SupportedRange.LocalEnd : SupportedRange.LocalStart.PlusSeconds(-1)) : date.PlusSeconds(seconds);
    }

    private static void CheckOne(LocalDateTime date, string field)
    {
        if (date.NanosecondOfSecond != 0)
        {
            throw SchedulingException.Invalid(field, $"{Format(date)} has a fraction of a second; the dates of a series are whole seconds.");
        }

        SupportedTimes.CheckStart(date, field);
    }

    private static string Format(LocalDateTime date) => LocalDateTimePattern.ExtendedIso.Format(date);
}
