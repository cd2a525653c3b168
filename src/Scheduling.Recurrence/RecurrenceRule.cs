using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence.Text;

namespace Scheduling.Recurrence;

/// <summary>
/// A recurrence rule (RRULE) of RFC 5545 section 3.3.10: an immutable, validated value. Parse it once with
/// <see cref="Parse"/> and expand it as often as needed through a <see cref="RecurrenceSet"/>.
/// </summary>
/// <remarks>
/// <para>Every list is sorted ascending with duplicates removed, so two rules that mean the same thing compare equal
/// and <see cref="ToString"/> writes one canonical text that <see cref="Parse"/> reads back to an equal rule.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RecurrenceRule : IEquatable<RecurrenceRule>
{
    private string? _text;

    /// <summary>Creates a rule from its parts; every part but <paramref name="frequency"/> is optional.</summary>
    /// <param name="frequency">FREQ: the unit the rule steps by.</param>
    /// <param name="interval">INTERVAL: how many units between steps; 1 to <see cref="MaxInterval"/>.</param>
    /// <param name="count">COUNT: how many occurrences in all, DTSTART included; 1 to <see cref="MaxCount"/>. Not with <paramref name="until"/>.</param>
    /// <param name="until">UNTIL: the inclusive bound, inside <see cref="SupportedRange"/>. Not with <paramref name="count"/>.</param>
    /// <param name="bySecond">BYSECOND: 0 to 60.</param>
    /// <param name="byMinute">BYMINUTE: 0 to 59.</param>
    /// <param name="byHour">BYHOUR: 0 to 23.</param>
    /// <param name="byDay">BYDAY: days of the week, with ordinals only for MONTHLY and YEARLY.</param>
    /// <param name="byMonthDay">BYMONTHDAY: 1 to 31 or -31 to -1 (counted from the end of the month).</param>
    /// <param name="byYearDay">BYYEARDAY: 1 to 366 or -366 to -1; not with DAILY, WEEKLY or MONTHLY.</param>
    /// <param name="byWeekNo">BYWEEKNO: 1 to 53 or -53 to -1; YEARLY only.</param>
    /// <param name="byMonth">BYMONTH: 1 to 12.</param>
    /// <param name="bySetPosition">BYSETPOS: 1 to 366 or -366 to -1; only with another BYxxx part.</param>
    /// <param name="weekStart">WKST: the first day of the week; Monday by default.</param>
    /// <exception cref="RecurrenceException">A value is out of range or the parts do not fit together; <see cref="RecurrenceException.Error"/> names the part.</exception>
    public RecurrenceRule(
        RecurrenceFrequency frequency,
        int interval = 1,
        int? count = null,
        RecurrenceUntil? until = null,
        IEnumerable<int>? bySecond = null,
        IEnumerable<int>? byMinute = null,
        IEnumerable<int>? byHour = null,
        IEnumerable<OrdinalWeekday>? byDay = null,
        IEnumerable<int>? byMonthDay = null,
        IEnumerable<int>? byYearDay = null,
        IEnumerable<int>? byWeekNo = null,
        IEnumerable<int>? byMonth = null,
        IEnumerable<int>? bySetPosition = null,
        IsoDayOfWeek weekStart = IsoDayOfWeek.Monday)
    {
        if (frequency < RecurrenceFrequency.Secondly || frequency > RecurrenceFrequency.Yearly)
        {
            Throw(RecurrenceErrorCode.OutOfRange, RuleParts.Freq, $"FREQ value {frequency} is not a frequency.");
        }

        if (RuleParts.CheckPositive(RuleParts.Interval, interval) is { } intervalProblem)
        {
            Throw(RecurrenceErrorCode.OutOfRange, RuleParts.Interval, intervalProblem);
        }

        if (count is int countValue && RuleParts.CheckPositive(RuleParts.Count, countValue) is { } countProblem)
        {
            Throw(RecurrenceErrorCode.OutOfRange, RuleParts.Count, countProblem);
        }

        if (until is { } untilValue && RuleParts.CheckUntil(untilValue) is { } untilProblem)
        {
            Throw(RecurrenceErrorCode.OutOfRange, RuleParts.Until, untilProblem);
        }

        if (weekStart < IsoDayOfWeek.Monday || weekStart > IsoDayOfWeek.Sunday)
        {
            Throw(RecurrenceErrorCode.OutOfRange, RuleParts.WeekStart, $"WKST value {weekStart} is not a day of the week.");
        }

        Frequency = frequency;
        Interval = interval;
        Count = count;
        Until = until;
        BySecond = Normalize(RuleParts.BySecond, bySecond);
        ByMinute = Normalize(RuleParts.ByMinute, byMinute);
        ByHour = Normalize(RuleParts.ByHour, byHour);
        ByDay = NormalizeWeekdays(byDay);
        ByMonthDay = Normalize(RuleParts.ByMonthDay, byMonthDay);
        ByYearDay = Normalize(RuleParts.ByYearDay, byYearDay);
        ByWeekNo = Normalize(RuleParts.ByWeekNo, byWeekNo);
        ByMonth = Normalize(RuleParts.ByMonth, byMonth);
        BySetPosition = Normalize(RuleParts.BySetPos, bySetPosition);
        WeekStart = weekStart;

        var error = RuleParts.CheckCombination(
            frequency, count.HasValue, until.HasValue, ByDay.AsSpan(), !BySecond.IsEmpty, !ByMinute.IsEmpty, !ByHour.IsEmpty,
            !ByMonthDay.IsEmpty, !ByYearDay.IsEmpty, !ByWeekNo.IsEmpty, !ByMonth.IsEmpty, !BySetPosition.IsEmpty, positionOf: null);
        if (error is not null)
        {
            throw new RecurrenceException(error);
        }
    }

    /// <summary>
    /// The largest COUNT a rule may have: 1,000,000. The limit keeps the work of finding where a COUNT rule ends (done
    /// once per rule and start, then remembered) within a few tens of milliseconds whatever the rule; an occurrence a
    /// second for eleven days, a minute for two years or an hour for a century all fit.
    /// </summary>
    public const int MaxCount = RuleParts.MaxCount;

    /// <summary>The largest INTERVAL a rule may have: 999,999,999 (nine digits).</summary>
    public const int MaxInterval = RuleParts.MaxInterval;

    /// <summary>Gets FREQ.</summary>
    public RecurrenceFrequency Frequency { get; }

    /// <summary>Gets INTERVAL (1 when the rule does not say).</summary>
    public int Interval { get; }

    /// <summary>Gets COUNT, or null. DTSTART counts as the first occurrence (RFC 5545 section 3.3.10).</summary>
    public int? Count { get; }

    /// <summary>Gets UNTIL, or null.</summary>
    public RecurrenceUntil? Until { get; }

    /// <summary>Gets BYSECOND, sorted; empty when absent.</summary>
    public ImmutableArray<int> BySecond { get; }

    /// <summary>Gets BYMINUTE, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByMinute { get; }

    /// <summary>Gets BYHOUR, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByHour { get; }

    /// <summary>Gets BYDAY, sorted by ordinal then day; empty when absent.</summary>
    public ImmutableArray<OrdinalWeekday> ByDay { get; }

    /// <summary>Gets BYMONTHDAY, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByMonthDay { get; }

    /// <summary>Gets BYYEARDAY, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByYearDay { get; }

    /// <summary>Gets BYWEEKNO, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByWeekNo { get; }

    /// <summary>Gets BYMONTH, sorted; empty when absent.</summary>
    public ImmutableArray<int> ByMonth { get; }

    /// <summary>Gets BYSETPOS, sorted; empty when absent.</summary>
    public ImmutableArray<int> BySetPosition { get; }

    /// <summary>Gets WKST (Monday when the rule does not say).</summary>
    public IsoDayOfWeek WeekStart { get; }

    /// <summary>Gets a value indicating whether the rule ends (has COUNT or UNTIL).</summary>
    public bool IsBounded => Count.HasValue || Until.HasValue;

    /// <summary>
    /// Parses a rule such as <c>FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20220107T080000Z</c>. Part names and values are
    /// case-insensitive, the parts may come in any order, and an <c>RRULE:</c> prefix is allowed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="RecurrenceException">The text is not a valid rule; the error names the part and the character position.</exception>
    public static RecurrenceRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RecurrenceRuleParser.Parse(text, out var rule) is { } error ? throw new RecurrenceException(error) : rule!;
    }

    /// <summary>Parses a rule, reporting a problem through <paramref name="error"/> instead of throwing.</summary>
    /// <returns>True when <paramref name="rule"/> was parsed; false when <paramref name="error"/> says why not.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecurrenceRule? rule, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out RecurrenceError? error)
    {
        if (text is null)
        {
            rule = null;
            error = new RecurrenceError(RecurrenceErrorCode.Missing, "The rule text is null.", RuleParts.Freq, 0);
            return false;
        }

        error = RecurrenceRuleParser.Parse(text, out rule);
        return error is null;
    }

    /// <summary>Parses a rule, returning false for any problem.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecurrenceRule? rule) =>
        TryParse(text, out rule, out _);

    /// <summary>Tests two rules for equality (same parts, same values; WKST=MO and INTERVAL=1 equal their absence).</summary>
    public static bool operator ==(RecurrenceRule? left, RecurrenceRule? right) =>
        ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>Tests two rules for inequality.</summary>
    public static bool operator !=(RecurrenceRule? left, RecurrenceRule? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(RecurrenceRule? other) =>
        other is not null
        && Frequency == other.Frequency
        && Interval == other.Interval
        && Count == other.Count
        && Nullable.Equals(Until, other.Until)
        && WeekStart == other.WeekStart
        && BySecond.SequenceEqual(other.BySecond)
        && ByMinute.SequenceEqual(other.ByMinute)
        && ByHour.SequenceEqual(other.ByHour)
        && ByDay.SequenceEqual(other.ByDay)
        && ByMonthDay.SequenceEqual(other.ByMonthDay)
        && ByYearDay.SequenceEqual(other.ByYearDay)
        && ByWeekNo.SequenceEqual(other.ByWeekNo)
        && ByMonth.SequenceEqual(other.ByMonth)
        && BySetPosition.SequenceEqual(other.BySetPosition);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecurrenceRule);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>
    /// Writes the canonical text of the rule: <c>FREQ</c> first, then INTERVAL, COUNT, UNTIL, BYSECOND, BYMINUTE,
    /// BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS, WKST; defaults left out.
    /// </summary>
    public override string ToString() => _text ??= RecurrenceRuleFormatter.Format(this);

    private static ImmutableArray<int> Normalize(string part, IEnumerable<int>? values)
    {
        if (values is null)
        {
            return [];
        }

        var sorted = values.Distinct().Order().ToImmutableArray();
        foreach (var value in sorted)
        {
            if (RuleParts.CheckValue(part, value) is { } message)
            {
                Throw(RecurrenceErrorCode.OutOfRange, part, message);
            }
        }

        return sorted;
    }

    private static ImmutableArray<OrdinalWeekday> NormalizeWeekdays(IEnumerable<OrdinalWeekday>? values)
    {
        if (values is null)
        {
            return [];
        }

        var sorted = values.Distinct().Order().ToImmutableArray();
        foreach (var value in sorted)
        {
            if (RuleParts.CheckWeekday(value) is { } message)
            {
                Throw(RecurrenceErrorCode.OutOfRange, RuleParts.ByDay, message);
            }
        }

        return sorted;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw(RecurrenceErrorCode code, string part, string message) =>
        throw new RecurrenceException(new RecurrenceError(code, message, part));
}
