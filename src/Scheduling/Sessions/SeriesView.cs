using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// A stored series made ready for expansion: its <see cref="RecurrenceSet"/> built once per record version and cached
/// (<see cref="SeriesViewCache"/>), the shift between identity starts and rule starts, and the instance views.
/// </summary>
internal sealed class SeriesView
{
    private volatile Upcoming? _upcoming;

    private SeriesView(RecurringSessionRecord record)
    {
        Record = record;
        Set = SetOf(record.Series);
        ShiftSeconds = Period.Between(record.Series.IdentityStart, record.Series.Start, PeriodUnits.Seconds).Seconds;
        RuleText = record.Series.Rule.ToString();
        LongestDuration = record.Overrides.Values
            .Select(o => o.Duration ?? record.Series.Duration)
            .Append(record.Series.Duration)
            .Max() + (record.Series.IsAllDay ? AllDay.Slack : Duration.Zero);
    }

    public RecurringSessionRecord Record { get; }

    public RecurringSession Series => Record.Series;

    public RecurrenceSet Set { get; }

    /// <summary>Local seconds from an instance's identity start to the start the rule now gives it.</summary>
    public long ShiftSeconds { get; }

    public string RuleText { get; }

    /// <summary>The longest an instance of this series lasts, overrides included.</summary>
    public Duration LongestDuration { get; }

    /// <summary>The view of a stored record, built once per series id and record version (see <see cref="SeriesViewCache"/>).</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the engine refuses the stored start, zone and rule.</exception>
    public static SeriesView Of(RecurringSessionRecord record) => SeriesViewCache.Of(record, static r => new SeriesView(r));

    /// <summary>
    /// The series' first occurrence starting in <c>[lower, upper)</c> whose instance was not moved to its own time.
    /// The answer is found with the next few after it and remembered, so walking the pages of a query expands each
    /// series about once per few instances instead of once per page.
    /// </summary>
    public bool TryFindHead(Instant lower, Instant upper, CancellationToken cancellationToken, out Occurrence head)
    {
        if (_upcoming is { } known && known.Answers(lower, upper, out var answer))
        {
            head = answer.GetValueOrDefault();
            return answer.HasValue;
        }

        var found = new Occurrence[Upcoming.Size];
        var count = 0;
        var coveredUntil = upper;
        if (lower < upper)
        {
            var hasMoved = Record.Overrides.Count > 0;
            foreach (var occurrence in Set.Between(lower, upper, cancellationToken))
            {
                if (hasMoved && IsMoved(IdentityOf(occurrence.RecurrenceId)))
                {
                    continue;
                }

                found[count++] = occurrence;
                if (count == found.Length)
                {
                    coveredUntil = occurrence.Start + Duration.Epsilon;
                    break;
                }
            }
        }

        var memo = new Upcoming(lower, coveredUntil, found, count);
        _upcoming = memo;
        memo.Answers(lower, upper, out answer);
        head = answer.GetValueOrDefault();
        return answer.HasValue;
    }

    public LocalDateTime IdentityOf(LocalDateTime recurrenceId) => recurrenceId.PlusSeconds(-ShiftSeconds);

    public LocalDateTime RecurrenceIdOf(LocalDateTime identityStart) => identityStart.PlusSeconds(ShiftSeconds);

    /// <summary>The occurrence the rule gives the instance with this identity start, if the rule still has one.</summary>
    public Occurrence? FindOccurrence(LocalDateTime identityStart)
    {
        // An instance id can name any local time; none whose rule start falls outside the supported range is an instance.
        if (!SupportedRange.Contains(identityStart)
            || Period.Between(identityStart, SupportedRange.LocalEnd, PeriodUnits.Seconds).Seconds <= ShiftSeconds
            || Period.Between(SupportedRange.LocalStart, identityStart, PeriodUnits.Seconds).Seconds < -ShiftSeconds)
        {
            return null;
        }

        var recurrenceId = RecurrenceIdOf(identityStart);
        var around = recurrenceId.InZoneLeniently(Series.Zone).ToInstant();
        foreach (var occurrence in Set.Between(around - Duration.FromDays(2), SupportedTimes.EndOf(around, Duration.FromDays(2))))
        {
            if (occurrence.RecurrenceId == recurrenceId)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>
    /// The recurrence set of a stored series. A store hands back what it holds; a series stored by another version (or
    /// by hand) that the engine refuses fails as an unreadable record, naming the series, not as an engine error.
    /// </summary>
    private static RecurrenceSet SetOf(RecurringSession series)
    {
        try
        {
            return series.IsAllDay
                ? AllDay.SetOf(series)
                : new RecurrenceSet(series.Start, series.Zone, series.Rule, OrNull(series.ExtraDates), OrNull(series.ExceptionDates));
        }
        catch (RecurrenceException exception)
        {
            throw SchedulingException.Unreadable("Recurring session", series.Id, $"{exception.Message} It can be deleted.", exception);
        }
    }

    private static ImmutableArray<LocalDateTime>? OrNull(ImmutableArray<LocalDateTime> dates) => dates.IsDefaultOrEmpty ? null : dates;

    /// <summary>Whether the instance's own start moved it (it is then listed at its own time, not the rule's).</summary>
    public bool IsMoved(LocalDateTime identityStart) =>
        Record.Overrides.TryGetValue(identityStart, out var instanceOverride) && instanceOverride.Start.HasValue;

    /// <summary>The instance view of an occurrence, with the instance's override applied.</summary>
    public Session Instance(Occurrence occurrence)
    {
        var identity = IdentityOf(occurrence.RecurrenceId);
        Record.Overrides.TryGetValue(identity, out var own);
        var start = own?.Start ?? CalendarDateTime.FromInstantInZone(occurrence.Start, Series.Zone);
        return Instance(identity, start, own);
    }

    /// <summary>The instance view for an identity start and an effective start.</summary>
    public Session Instance(LocalDateTime identity, CalendarDateTime start, InstanceOverride? own)
    {
        var series = Series;
        var cancelled = IsCancelled(series, own, start.Timestamp);
        return new Session
        {
            Id = SessionInstanceId.Format(series.Id, identity),
            ScheduleId = series.ScheduleId,
            ScheduleOwnerId = series.ScheduleOwnerId,
            Type = series.Type,
            Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Confirmed,
            Details = own is null ? series.Details : own.Details.Over(series.Details),
            Participants = own?.Participants ?? [],
            Progress = own?.Progress ?? ProgressMark.None,
            Start = start,
            End = series.IsAllDay && start.IsLocal
                ? AllDay.EndOf(start, AllDay.Days(own?.Duration ?? series.Duration))
                : SupportedTimes.EndOf(start, own?.Duration ?? series.Duration),
            IsAllDay = series.IsAllDay,
            RecurringSessionId = series.Id,
            OriginalStart = RecurrenceIdOf(identity),
            InstanceOfRecurrence = RuleText,
            IsOverridden = own?.ChangesInstance == true,
            Revision = own?.Revision ?? 0,
            CreatedAt = series.CreatedAt,
            UpdatedAt = own is not null && own.UpdatedAt > series.UpdatedAt ? own.UpdatedAt : series.UpdatedAt,
        };
    }

    /// <summary>
    /// Whether the instance that starts at <paramref name="start"/> is cancelled: its own tombstone, or a series
    /// cancelled from then or before (see <see cref="RecurringSession.CancelledFrom"/>).
    /// </summary>
    public static bool IsCancelled(RecurringSession series, InstanceOverride? own, Instant start) =>
        own?.IsCancelled == true || (series.CancelledFrom is Instant cancelledFrom && start >= cancelledFrom);

    /// <summary>
    /// "The occurrences (not moved) that start in <c>[Lower, CoveredUntil)</c> are exactly these": answers any head
    /// query that starts inside the covered span and needs nothing beyond it.
    /// </summary>
    private sealed class Upcoming(Instant lower, Instant coveredUntil, Occurrence[] occurrences, int count)
    {
        public const int Size = 4;

        public bool Answers(Instant from, Instant to, out Occurrence? answer)
        {
            answer = null;
            if (from < lower || from >= coveredUntil)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                if (occurrences[i].Start >= from)
                {
                    answer = occurrences[i].Start < to ? occurrences[i] : null;
                    return true;
                }
            }

            // Nothing left in [from, coveredUntil): the answer is "none" only if the query ends inside the span.
            return to <= coveredUntil;
        }
    }
}
