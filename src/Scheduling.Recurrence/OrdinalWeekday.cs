using NodaTime;

namespace Scheduling.Recurrence;

/// <summary>
/// One entry of the BYDAY rule part (RFC 5545 section 3.3.10, <c>weekdaynum</c>): a day of the week, optionally
/// with an ordinal such as <c>-1FR</c> (the last Friday) or <c>2MO</c> (the second Monday).
/// </summary>
/// <remarks>This type is an immutable value and is thread-safe.</remarks>
public readonly struct OrdinalWeekday : IEquatable<OrdinalWeekday>, IComparable<OrdinalWeekday>
{
    /// <summary>
    /// Creates an entry for <paramref name="day"/> with an optional ordinal.
    /// </summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="ordinal">
    /// 0 for every such day in the period; 1 to 53 for the n-th such day of the month or year; -1 to -53 for the
    /// n-th counted from the end.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The day is not a valid ISO day or the ordinal is outside -53..53.</exception>
    public OrdinalWeekday(IsoDayOfWeek day, int ordinal = 0)
    {
        if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day must be Monday to Sunday.");
        }

        if (ordinal < -53 || ordinal > 53)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, "The ordinal must be between -53 and 53 (0 means every such day).");
        }

        Day = day;
        Ordinal = ordinal;
    }

    /// <summary>Gets the day of the week.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>Gets the ordinal: 0 for every such day, otherwise -53..-1 or 1..53.</summary>
    public int Ordinal { get; }

    /// <summary>Gets a value indicating whether this entry has an ordinal (selects one such day, not all).</summary>
    public bool HasOrdinal => Ordinal != 0;

    /// <summary>Tests two entries for equality.</summary>
    public static bool operator ==(OrdinalWeekday left, OrdinalWeekday right) => left.Day == right.Day && left.Ordinal == right.Ordinal;

    /// <summary>Tests two entries for inequality.</summary>
    public static bool operator !=(OrdinalWeekday left, OrdinalWeekday right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(OrdinalWeekday other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrdinalWeekday other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Day * 397) ^ Ordinal;

    /// <summary>Orders entries by ordinal, then by day (the canonical order of <see cref="RecurrenceRule.ToString"/>).</summary>
    public int CompareTo(OrdinalWeekday other)
    {
        var byOrdinal = Ordinal.CompareTo(other.Ordinal);
        return byOrdinal != 0 ? byOrdinal : Day.CompareTo(other.Day);
    }

    /// <summary>Formats the entry as in RFC 5545, for example <c>MO</c>, <c>2TU</c> or <c>-1FR</c>.</summary>
    public override string ToString() => HasOrdinal
        ? Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + Text.Weekdays.Abbreviation(Day)
        : Text.Weekdays.Abbreviation(Day);
}
