using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence.Expansion;

namespace Scheduling.Recurrence;

/// <summary>
/// One occurrence of a <see cref="RecurrenceSet"/>: the local date-time the recurrence produced (which identifies
/// the occurrence, like RFC 5545's RECURRENCE-ID) and where it really starts, as an instant with the UTC offset in
/// effect there.
/// </summary>
/// <remarks>
/// <para>The two differ only when the produced local time does not exist in the zone (a spring-forward gap): RFC 5545
/// section 3.3.5 reads it with the offset before the gap, so 02:30 on a New York spring-forward day starts at
/// 03:30-04:00 and <see cref="IsShifted"/> is true.</para>
/// <para>A small immutable value (24 bytes): enumerating occurrences allocates nothing per occurrence. Thread-safe.</para>
/// </remarks>
public readonly struct Occurrence : IEquatable<Occurrence>, IComparable<Occurrence>
{
    private static readonly OffsetDateTimePattern IsoPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private readonly long _recurrenceLocal;
    private readonly long _utc;
    private readonly int _offset;

    internal Occurrence(long recurrenceLocal, long utc, int offset)
    {
        _recurrenceLocal = recurrenceLocal;
        _utc = utc;
        _offset = offset;
    }

    /// <summary>
    /// Gets the local date-time the recurrence produced for this occurrence: the key by which a single occurrence is
    /// excluded (EXDATE) or overridden. It may not exist in the zone; see <see cref="IsShifted"/>.
    /// </summary>
    public LocalDateTime RecurrenceId => CivilCalendar.ToLocalDateTime(_recurrenceLocal);

    /// <summary>Gets the instant the occurrence starts.</summary>
    public Instant Start => Instant.FromUnixTimeSeconds(_utc);

    /// <summary>Gets the UTC offset in effect at <see cref="Start"/> in the series' zone.</summary>
    public Offset Offset => Offset.FromSeconds(_offset);

    /// <summary>Gets the wall-clock local date-time at which the occurrence starts.</summary>
    public LocalDateTime LocalStart => CivilCalendar.ToLocalDateTime(_utc + _offset);

    /// <summary>Gets the start as a local date-time with its offset, for example 2025-03-09T03:30:00-04:00.</summary>
    public OffsetDateTime OffsetStart => new(LocalStart, Offset);

    /// <summary>Gets a value indicating whether the produced local time fell in a gap and starts later on the wall clock.</summary>
    public bool IsShifted => _utc + _offset != _recurrenceLocal;

    internal long Utc => _utc;

    internal long RecurrenceLocal => _recurrenceLocal;

    /// <summary>Tests two occurrences for equality (same start, offset and recurrence id).</summary>
    public static bool operator ==(Occurrence left, Occurrence right) =>
        left._utc == right._utc && left._recurrenceLocal == right._recurrenceLocal && left._offset == right._offset;

    /// <summary>Tests two occurrences for inequality.</summary>
    public static bool operator !=(Occurrence left, Occurrence right) => !(left == right);

    /// <summary>Orders by start instant.</summary>
    public static bool operator <(Occurrence left, Occurrence right) => left.CompareTo(right) < 0;

    /// <summary>Orders by start instant.</summary>
    public static bool operator >(Occurrence left, Occurrence right) => left.CompareTo(right) > 0;

    /// <summary>Orders by start instant.</summary>
    public static bool operator <=(Occurrence left, Occurrence right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by start instant.</summary>
    public static bool operator >=(Occurrence left, Occurrence right) => left.CompareTo(right) >= 0;

    /// <summary>Returns the start in <paramref name="zone"/>.</summary>
    public ZonedDateTime InZone(DateTimeZone zone) => Start.InZone(zone);

    /// <inheritdoc />
    public bool Equals(Occurrence other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Occurrence other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_utc, _recurrenceLocal, _offset);

    /// <summary>Orders by start instant, then by recurrence id.</summary>
    public int CompareTo(Occurrence other)
    {
        var byStart = _utc.CompareTo(other._utc);
        return byStart != 0 ? byStart : _recurrenceLocal.CompareTo(other._recurrenceLocal);
    }

    /// <summary>Formats the start as ISO 8601 with its offset and seconds always shown: <c>2025-01-06T18:30:00-05:00</c>.</summary>
    public override string ToString() => IsoPattern.Format(OffsetStart);
}
