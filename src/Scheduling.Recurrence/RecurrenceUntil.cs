using NodaTime;

namespace Scheduling.Recurrence;

/// <summary>
/// The value of the UNTIL rule part: the inclusive upper bound of a recurrence, as a date, a floating local
/// date-time, or a UTC instant (RFC 5545 section 3.3.10).
/// </summary>
/// <remarks>
/// <para>A date bound includes every occurrence on that local date. A local date-time bound is read in the series'
/// time zone (RFC 5545 section 3.3.5) and then compared as an instant. An instant bound is compared as an instant.</para>
/// <para>This type is an immutable value and is thread-safe.</para>
/// </remarks>
public readonly struct RecurrenceUntil : IEquatable<RecurrenceUntil>
{
    private readonly LocalDateTime _local;
    private readonly Instant _instant;

    private RecurrenceUntil(RecurrenceUntilKind kind, LocalDateTime local, Instant instant)
    {
        Kind = kind;
        _local = local;
        _instant = instant;
    }

    /// <summary>Gets the form of the bound.</summary>
    public RecurrenceUntilKind Kind { get; }

    /// <summary>Gets the date of a <see cref="RecurrenceUntilKind.Date"/> bound.</summary>
    /// <exception cref="InvalidOperationException">The bound is not a date.</exception>
    public LocalDate Date => Kind == RecurrenceUntilKind.Date
        ? _local.Date
        : throw new InvalidOperationException($"This UNTIL is a {Kind}, not a Date.");

    /// <summary>Gets the local date-time of a <see cref="RecurrenceUntilKind.LocalDateTime"/> bound.</summary>
    /// <exception cref="InvalidOperationException">The bound is not a local date-time.</exception>
    public LocalDateTime LocalDateTime => Kind == RecurrenceUntilKind.LocalDateTime
        ? _local
        : throw new InvalidOperationException($"This UNTIL is a {Kind}, not a LocalDateTime.");

    /// <summary>Gets the instant of an <see cref="RecurrenceUntilKind.Instant"/> bound.</summary>
    /// <exception cref="InvalidOperationException">The bound is not an instant.</exception>
    public Instant Instant => Kind == RecurrenceUntilKind.Instant
        ? _instant
        : throw new InvalidOperationException($"This UNTIL is a {Kind}, not an Instant.");

    /// <summary>Creates a bound that includes every occurrence on <paramref name="date"/>.</summary>
    public static RecurrenceUntil FromDate(LocalDate date) =>
        new(RecurrenceUntilKind.Date, date.AtMidnight(), default);

    /// <summary>Creates a floating bound, read in the series' time zone.</summary>
    /// <exception cref="ArgumentException">The value has a fraction of a second (RFC 5545 date-times have whole seconds).</exception>
    public static RecurrenceUntil FromLocalDateTime(LocalDateTime localDateTime)
    {
        if (localDateTime.NanosecondOfSecond != 0)
        {
            throw new ArgumentException("UNTIL must be a whole second (RFC 5545 section 3.3.5).", nameof(localDateTime));
        }

        return new(RecurrenceUntilKind.LocalDateTime, localDateTime, default);
    }

    /// <summary>Creates a bound at an instant (<c>UNTIL=...Z</c>).</summary>
    /// <exception cref="ArgumentException">The value has a fraction of a second (RFC 5545 date-times have whole seconds).</exception>
    public static RecurrenceUntil FromInstant(Instant instant)
    {
        if (Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()) != instant)
        {
            throw new ArgumentException("UNTIL must be a whole second (RFC 5545 section 3.3.5).", nameof(instant));
        }

        return new(RecurrenceUntilKind.Instant, default, instant);
    }

    /// <summary>Tests two bounds for equality: same kind and same value.</summary>
    public static bool operator ==(RecurrenceUntil left, RecurrenceUntil right) =>
        left.Kind == right.Kind && left._local == right._local && left._instant == right._instant;

    /// <summary>Tests two bounds for inequality.</summary>
    public static bool operator !=(RecurrenceUntil left, RecurrenceUntil right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(RecurrenceUntil other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RecurrenceUntil other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _local, _instant);

    /// <summary>Formats the bound as in RFC 5545: <c>19971224</c>, <c>19971224T090000</c> or <c>19971224T000000Z</c>.</summary>
    public override string ToString() => Text.RecurrenceRuleFormatter.FormatUntil(this);
}
