using NodaTime;
using NodaTime.Text;

namespace Scheduling.Sessions;

/// <summary>
/// When a session starts or ends: a wall-clock local date-time in an IANA time zone, or an instant. Recurring
/// sessions always use the local form, so "every Monday at 09:00" stays at 09:00 across DST.
/// </summary>
/// <remarks>
/// <see cref="Timestamp"/> is the instant either way; a local time is read by RFC 5545 section 3.3.5 (a time in a DST
/// gap takes the offset before the gap, an ambiguous time its first occurrence). Immutable and thread-safe.
/// </remarks>
public readonly struct CalendarDateTime : IEquatable<CalendarDateTime>
{
    private readonly LocalDateTime _local;

    private CalendarDateTime(LocalDateTime local, DateTimeZone? zone, Instant timestamp)
    {
        _local = local;
        Zone = zone;
        Timestamp = timestamp;
    }

    /// <summary>Gets the local date-time, or null for an instant-only value.</summary>
    public LocalDateTime? LocalDateTime => Zone is null ? null : _local;

    /// <summary>Gets the time zone of the local date-time, or null for an instant-only value.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>Gets the instant.</summary>
    public Instant Timestamp { get; }

    /// <summary>Gets a value indicating whether this is a wall-clock time in a zone.</summary>
    public bool IsLocal => Zone is not null;

    /// <summary>A wall-clock time in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>localDateTime</c>: at the very end (or start) of the
    /// local time line, the time lies past the last (or before the first) instant in the zone.
    /// </exception>
    public static CalendarDateTime AtLocal(LocalDateTime localDateTime, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        try
        {
            return new(localDateTime, zone, localDateTime.InZoneLeniently(zone).ToInstant());
        }
        catch (OverflowException exception)
        {
            // NodaTime's instants end where its local times do; a local time at the very edge can lie past them in the zone.
            throw new SchedulingException(
                SchedulingErrorCode.InvalidArgument,
                $"{localDateTime:uuuu-MM-dd'T'HH:mm:ss} in {zone.Id} lies outside the instants NodaTime can represent.",
                nameof(localDateTime),
                exception);
        }
    }

    /// <summary>An instant.</summary>
    public static CalendarDateTime AtInstant(Instant instant) => new(default, null, instant);

    /// <summary>Tests two values for equality: same form, same local time and zone, or same instant.</summary>
    public static bool operator ==(CalendarDateTime left, CalendarDateTime right) =>
        left.Timestamp == right.Timestamp && left._local == right._local && left.Zone?.Id == right.Zone?.Id;

    /// <summary>Tests two values for inequality.</summary>
    public static bool operator !=(CalendarDateTime left, CalendarDateTime right) => !(left == right);

    /// <summary>This value moved by <paramref name="duration"/>: a local value keeps its zone and moves on the timeline.</summary>
    public CalendarDateTime Plus(Duration duration) => Zone is null
        ? AtInstant(Timestamp + duration)
        : FromInstantInZone(Timestamp + duration, Zone);

    /// <inheritdoc />
    public bool Equals(CalendarDateTime other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CalendarDateTime other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, _local, Zone?.Id);

    /// <summary>ISO 8601: <c>2025-01-06T09:00:00 Europe/Berlin (2025-01-06T08:00:00Z)</c> or <c>2025-01-06T08:00:00Z</c>.</summary>
    public override string ToString() => Zone is null
        ? InstantPattern.ExtendedIso.Format(Timestamp)
        : $"{LocalDateTimePattern.ExtendedIso.Format(_local)} {Zone.Id} ({InstantPattern.ExtendedIso.Format(Timestamp)})";

    internal static CalendarDateTime FromInstantInZone(Instant instant, DateTimeZone zone) =>
        new(instant.InZone(zone).LocalDateTime, zone, instant);
}
