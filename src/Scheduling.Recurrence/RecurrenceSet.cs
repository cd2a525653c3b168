using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence.Expansion;

namespace Scheduling.Recurrence;

/// <summary>
/// A recurrence set of RFC 5545 section 3.8.5: a start (DTSTART) in an IANA time zone, an optional rule (RRULE),
/// extra dates (RDATE) and excluded dates (EXDATE). It expands into <see cref="Occurrence"/>s inside a window,
/// lazily, in order of start instant, within a fixed bound of work.
/// </summary>
/// <remarks>
/// <para><b>Wall-clock arithmetic.</b> The rule steps in local time, HOURLY and MINUTELY included, as python-dateutil
/// and libical do: "every day at 09:00" stays at 09:00 across DST changes, and an HOURLY series does not repeat the
/// hour that a fall-back repeats. Each local time is then read in the zone by RFC 5545 section 3.3.5: an ambiguous
/// time takes its first occurrence; a nonexistent time takes the offset before the gap (so it starts later on the
/// wall clock by the size of the gap, and the next day is back at the usual time). Invalid dates such as February 30
/// are skipped, never moved.</para>
/// <para><b>DTSTART</b> is always the first occurrence and counts toward COUNT, even when the rule would not produce
/// it (RFC 5545 section 3.3.10). COUNT counts the rule's occurrences before EXDATEs remove any. EXDATEs remove the
/// occurrence whose produced local start (<see cref="Occurrence.RecurrenceId"/>) they name, RDATEs included.
/// UNTIL is inclusive; a UTC or floating UNTIL is compared as an instant, a DATE UNTIL includes that whole local day.
/// An instant reached twice (an RDATE equal to a rule occurrence, or two local times that resolve to one instant in
/// a gap) is yielded once.</para>
/// <para><b>Bounds.</b> Expansion never walks from DTSTART to a far window: it computes the period to start from.
/// A COUNT rule whose periods all yield the same number of occurrences counts the skipped ones arithmetically; any
/// other COUNT rule is bounded by its last occurrence, found once per rule and DTSTART (by counting whole months,
/// days or periods, so it costs milliseconds even at <see cref="RecurrenceRule.MaxCount"/>) and remembered for every
/// set built from them. Expansion stops at the end of the window, at UNTIL, at COUNT or at the end of
/// <see cref="SupportedRange"/>, and gives up with <see cref="RecurrenceErrorCode.ExpansionLimitExceeded"/> after
/// inspecting a million periods in a row without an occurrence. A rule that provably never matches
/// (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30; see <see cref="RuleNeverRecurs"/>) yields only DTSTART.</para>
/// <para><b>Range.</b> DTSTART, RDATEs and EXDATEs lie inside <see cref="SupportedRange"/>, and every occurrence
/// yielded starts inside it, so <see cref="Occurrence.Start"/> and <see cref="Occurrence.LocalStart"/> are always
/// readable.</para>
/// <para>This type is immutable and thread-safe: build it once per series and expand it from any thread.</para>
/// </remarks>
public sealed class RecurrenceSet
{
    private static readonly long RangeStartSeconds = SupportedRange.Start.ToUnixTimeSeconds();

    private static readonly long RangeEndSeconds = SupportedRange.End.ToUnixTimeSeconds();

    /// <summary>Creates a recurrence set whose start is a local date-time in <paramref name="zone"/>.</summary>
    /// <param name="start">DTSTART, a local date-time in <paramref name="zone"/>, in whole seconds.</param>
    /// <param name="zone">The time zone the local times are read in.</param>
    /// <param name="rule">The RRULE, or null for a set of DTSTART and RDATEs only.</param>
    /// <param name="recurrenceDates">RDATEs: extra local start times.</param>
    /// <param name="exceptionDates">EXDATEs: local start times to leave out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="RecurrenceException">A value has a fraction of a second or lies outside <see cref="SupportedRange"/>.</exception>
    public RecurrenceSet(
        LocalDateTime start,
        DateTimeZone zone,
        RecurrenceRule? rule = null,
        IEnumerable<LocalDateTime>? recurrenceDates = null,
        IEnumerable<LocalDateTime>? exceptionDates = null)
        : this(start, zone, rule, recurrenceDates, exceptionDates, allDay: false)
    {
    }

    private RecurrenceSet(
        LocalDateTime start,
        DateTimeZone zone,
        RecurrenceRule? rule,
        IEnumerable<LocalDateTime>? recurrenceDates,
        IEnumerable<LocalDateTime>? exceptionDates,
        bool allDay)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Start = WholeSecond(start, "DTSTART");
        Zone = zone;
        Rule = rule;
        IsAllDay = allDay;
        RecurrenceDates = [.. (recurrenceDates ?? []).Select(date => WholeSecond(date, "RDATE")).Distinct().Order()];
        ExceptionDates = [.. (exceptionDates ?? []).Select(date => WholeSecond(date, "EXDATE")).Distinct().Order()];
        if (allDay && rule is not null
            && (rule.Frequency < RecurrenceFrequency.Daily || !rule.ByHour.IsEmpty || !rule.ByMinute.IsEmpty || !rule.BySecond.IsEmpty))
        {
            throw Invalid($"An all-day (DATE) series cannot use FREQ={rule.Frequency.ToString().ToUpperInvariant()} or BYHOUR, BYMINUTE, BYSECOND: its occurrences are whole days.");
        }

        var startLocal = CivilCalendar.ToLocalSeconds(Start);
        ExceptionLocals = [.. ExceptionDates.Select(CivilCalendar.ToLocalSeconds)];
        var resolver = new ZoneResolver(zone);
        if (rule is not null)
        {
            Plan = new RulePlan(rule, startLocal, allDay);
            if (rule.Until is { Kind: RecurrenceUntilKind.Instant } instantUntil)
            {
                UntilUtc = instantUntil.Instant.ToUnixTimeSeconds();
            }
            else if (rule.Until is { Kind: RecurrenceUntilKind.LocalDateTime } localUntil)
            {
                resolver.Resolve(CivilCalendar.ToLocalSeconds(localUntil.LocalDateTime), out var utc, out _);
                UntilUtc = utc;
            }
        }

        var extras = new List<Occurrence>();
        var extraLocals = rule is null ? RecurrenceDates.Add(Start) : RecurrenceDates;
        foreach (var local in extraLocals.Select(CivilCalendar.ToLocalSeconds))
        {
            if (Array.BinarySearch(ExceptionLocals, local) < 0)
            {
                resolver.Resolve(local, out var utc, out var offset);
                extras.Add(new Occurrence(local, utc, offset));
            }
        }

        extras.Sort();
        ExtraOccurrences = [.. extras];
    }

    /// <summary>Gets DTSTART: the local start of the first occurrence (midnight for an all-day set).</summary>
    public LocalDateTime Start { get; }

    /// <summary>Gets the time zone the local times are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the rule, or null.</summary>
    public RecurrenceRule? Rule { get; }

    /// <summary>Gets a value indicating whether the set is of whole days (DATE values); occurrences then start at the start of each day.</summary>
    public bool IsAllDay { get; }

    /// <summary>Gets the RDATEs, sorted, without duplicates.</summary>
    public ImmutableArray<LocalDateTime> RecurrenceDates { get; }

    /// <summary>Gets the EXDATEs, sorted, without duplicates.</summary>
    public ImmutableArray<LocalDateTime> ExceptionDates { get; }

    /// <summary>Gets a value indicating whether the set has a last occurrence (no rule, or a rule with COUNT or UNTIL).</summary>
    public bool IsFinite => Rule is null || Rule.IsBounded;

    internal RulePlan? Plan { get; }

    internal long[] ExceptionLocals { get; }

    /// <summary>UNTIL as Unix seconds when it is an instant or a floating date-time; long.MaxValue otherwise.</summary>
    internal long UntilUtc { get; } = long.MaxValue;

    /// <summary>RDATEs (and DTSTART when there is no rule) resolved, EXDATEs removed, sorted by instant.</summary>
    internal Occurrence[] ExtraOccurrences { get; }

    /// <summary>Creates an all-day recurrence set: DTSTART, RDATE and EXDATE are dates (RFC 5545 VALUE=DATE).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="RecurrenceException">The rule steps in hours, minutes or seconds, or names times of day; or a date lies outside <see cref="SupportedRange"/>.</exception>
    public static RecurrenceSet ForAllDay(
        LocalDate start,
        DateTimeZone zone,
        RecurrenceRule? rule = null,
        IEnumerable<LocalDate>? recurrenceDates = null,
        IEnumerable<LocalDate>? exceptionDates = null) =>
        new(start.AtMidnight(), zone, rule, recurrenceDates?.Select(date => date.AtMidnight()), exceptionDates?.Select(date => date.AtMidnight()), allDay: true);

    /// <summary>The occurrences that start in <c>[from, to)</c>.</summary>
    /// <param name="from">The inclusive start of the window.</param>
    /// <param name="to">The exclusive end of the window.</param>
    /// <param name="cancellationToken">Observed while expanding.</param>
    /// <remarks>Occurrences all start inside <see cref="SupportedRange"/>; a window reaching past its edges is cut there.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public OccurrenceSequence Between(Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The window ends ({to}) before it starts ({from}).");
        }

        return new OccurrenceSequence(this, CeilingSeconds(from), CeilingSeconds(to), cancellationToken);
    }

    /// <summary>
    /// The occurrences that start at or after <paramref name="from"/>; without COUNT or UNTIL they run to the end of
    /// <see cref="SupportedRange"/>.
    /// </summary>
    public OccurrenceSequence StartingAt(Instant from, CancellationToken cancellationToken = default) =>
        new(this, CeilingSeconds(from), RangeEndSeconds, cancellationToken);

    /// <summary>All occurrences; without COUNT or UNTIL they run to the end of <see cref="SupportedRange"/>, so take what you need.</summary>
    public OccurrenceSequence All(CancellationToken cancellationToken = default) =>
        new(this, RangeStartSeconds, RangeEndSeconds, cancellationToken);

    /// <summary>
    /// Whether the rule can be shown, when the set is built, never to produce an occurrence of its own (for example
    /// <c>FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30</c>, <c>BYYEARDAY=366;BYMONTH=2</c> or <c>BYMONTHDAY=31;BYMONTH=4,6,9,11</c>).
    /// Such a set holds DTSTART (which RFC 5545 section 3.3.10 always counts as the first occurrence) and its RDATEs,
    /// and expanding it costs nothing. False for a set without a rule.
    /// </summary>
    /// <remarks>
    /// The check looks at the day, month, week, time and BYSETPOS parts against every shape a Gregorian year can
    /// take; a rule that can match but whose INTERVAL keeps stepping past the matching periods is not detected, and
    /// its expansion ends at the end of <see cref="SupportedRange"/> instead.
    /// </remarks>
    public bool RuleNeverRecurs => Plan is { NeverMatches: true };

    /// <summary>
    /// Whole seconds at or after <paramref name="instant"/>, clamped to <see cref="SupportedRange"/>: no occurrence
    /// lies outside it, so a window reaching past its edges holds what the part inside holds.
    /// </summary>
    private static long CeilingSeconds(Instant instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        seconds = Instant.FromUnixTimeSeconds(seconds) == instant ? seconds : seconds + 1;
        return Math.Clamp(seconds, RangeStartSeconds, RangeEndSeconds);
    }

    private static LocalDateTime WholeSecond(LocalDateTime value, string what)
    {
        if (value.NanosecondOfSecond != 0)
        {
            throw Invalid($"{what} {value:uuuu-MM-dd'T'HH:mm:ss.FFFFFFFFF} has a fraction of a second; RFC 5545 date-times are whole seconds.");
        }

        if (!SupportedRange.Contains(value))
        {
            throw new RecurrenceException(new RecurrenceError(
                RecurrenceErrorCode.OutOfRange,
                $"{what} {value:uuuu-MM-dd'T'HH:mm:ss} is outside the supported range: it must lie from 0001-01-02T00:00:00 to before 9999-12-31T00:00:00."));
        }

        return value;
    }

    private static RecurrenceException Invalid(string message) =>
        new(new RecurrenceError(RecurrenceErrorCode.InvalidSet, message));
}
