using NodaTime;

namespace Scheduling.Cli.Text;

/// <summary>
/// A local value as a request gives it: either a date (RFC 5545 DATE, an all-day value) or a local date-time
/// (DATE-TIME without an offset), both read in the request's time zone.
/// </summary>
/// <remarks>This type is an immutable value and is thread-safe.</remarks>
internal readonly struct LocalDateOrDateTime : IEquatable<LocalDateOrDateTime>
{
    private LocalDateOrDateTime(LocalDateTime value, bool isDate)
    {
        Value = value;
        IsDate = isDate;
    }

    /// <summary>Gets the value as a local date-time: midnight when it is a date.</summary>
    public LocalDateTime Value { get; }

    /// <summary>Gets the date part of <see cref="Value"/>.</summary>
    public LocalDate Date => Value.Date;

    /// <summary>Gets a value indicating whether the text was a date without a time of day.</summary>
    public bool IsDate { get; }

    /// <summary>Creates a date value.</summary>
    public static LocalDateOrDateTime FromDate(LocalDate date) => new(date.AtMidnight(), isDate: true);

    /// <summary>Creates a date-time value.</summary>
    public static LocalDateOrDateTime FromDateTime(LocalDateTime dateTime) => new(dateTime, isDate: false);

    /// <summary>Tests two values for equality: same kind and same value.</summary>
    public static bool operator ==(LocalDateOrDateTime left, LocalDateOrDateTime right) =>
        left.IsDate == right.IsDate && left.Value == right.Value;

    /// <summary>Tests two values for inequality.</summary>
    public static bool operator !=(LocalDateOrDateTime left, LocalDateOrDateTime right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(LocalDateOrDateTime other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LocalDateOrDateTime other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, IsDate);

    /// <summary>Formats as <c>2025-01-06</c> for a date and <c>2025-01-06T09:00:00</c> for a date-time.</summary>
    public override string ToString() => IsDate
        ? Date.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture)
        : Value.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss", System.Globalization.CultureInfo.InvariantCulture);
}
