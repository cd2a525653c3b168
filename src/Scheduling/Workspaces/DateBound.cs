using NodaTime;
using NodaTime.Text;

namespace Scheduling.Workspaces;

/// <summary>
/// One end of a workspace list's date range (the HTTP API's <c>dateFrom</c> and <c>dateTo</c>): an instant, a local
/// date-time read in the workspace's time zone, or a whole local date.
/// </summary>
/// <remarks>
/// <para>ISO 8601 text with an offset or <c>Z</c> (<c>2025-03-09T10:00:00Z</c>, <c>2025-03-09T10:00-05:00</c>) is an
/// instant. Without one (<c>2025-03-09T10:00:00</c>) it is a wall-clock time in the workspace's zone, read by RFC 5545
/// section 3.3.5 like every local time in the library (a time a spring-forward skips takes the offset before the gap,
/// a time a fall-back repeats its first occurrence). A date alone (<c>2025-03-09</c>) is that whole local day: as
/// <c>dateFrom</c> it starts the range at the day's first instant, as <c>dateTo</c> it ends the range after the day's
/// last one, so <c>dateFrom=2025-03-09&amp;dateTo=2025-03-09</c> is the 23 hours of that day in New York.</para>
/// <para>Immutable and thread-safe; equal when the same form holds the same value.</para>
/// </remarks>
public readonly struct DateBound : IEquatable<DateBound>
{
    private static readonly OffsetDateTimePattern[] OffsetForms =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalForms =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    private readonly Instant? _instant;
    private readonly LocalDateTime? _local;
    private readonly LocalDate? _date;

    private DateBound(Instant? instant, LocalDateTime? local, LocalDate? date)
    {
        _instant = instant;
        _local = local;
        _date = date;
    }

    /// <summary>Gets the instant, when the bound is one; otherwise null.</summary>
    public Instant? Instant => _instant;

    /// <summary>Gets the wall-clock time in the workspace's zone, when the bound is one; otherwise null.</summary>
    public LocalDateTime? LocalDateTime => _local;

    /// <summary>Gets the whole local day, when the bound is one; otherwise null.</summary>
    public LocalDate? Date => _date;

    /// <summary>Gets a value indicating whether the bound holds nothing (<c>default(DateBound)</c>), which no query accepts.</summary>
    public bool IsEmpty => _instant is null && _local is null && _date is null;

    /// <summary>A bound at an instant.</summary>
    public static DateBound AtInstant(Instant instant) => new(instant, null, null);

    /// <summary>A bound at a wall-clock time in the workspace's zone.</summary>
    public static DateBound AtLocal(LocalDateTime localDateTime) => new(null, localDateTime, null);

    /// <summary>A bound at a whole local day (its start as a lower bound, its end as an upper bound).</summary>
    public static DateBound OnDate(LocalDate date) => new(null, null, date);

    /// <summary>Tests two bounds for equality.</summary>
    public static bool operator ==(DateBound left, DateBound right) =>
        left._instant == right._instant && left._local == right._local && left._date == right._date;

    /// <summary>Tests two bounds for inequality.</summary>
    public static bool operator !=(DateBound left, DateBound right) => !(left == right);

    /// <summary>Reads ISO 8601 text in one of the forms the remarks list; false (and the default bound) for anything else.</summary>
    public static bool TryParse(string? text, out DateBound bound)
    {
        bound = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        foreach (var pattern in OffsetForms)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                bound = AtInstant(parsed.Value.ToInstant());
                return true;
            }
        }

        foreach (var pattern in LocalForms)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                bound = AtLocal(parsed.Value);
                return true;
            }
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            bound = OnDate(date.Value);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(DateBound other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DateBound other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_instant, _local, _date);

    /// <summary>ISO 8601: <c>2025-03-09T15:00:00Z</c>, <c>2025-03-09T10:00:00</c> or <c>2025-03-09</c>.</summary>
    public override string ToString() =>
        _instant is { } instant ? InstantPattern.ExtendedIso.Format(instant)
        : _local is { } local ? LocalDateTimePattern.ExtendedIso.Format(local)
        : _date is { } date ? LocalDatePattern.Iso.Format(date)
        : "(none)";

    /// <summary>The instant the bound starts a range at, in <paramref name="zone"/>.</summary>
    internal NodaTime.Instant AsStart(DateTimeZone zone) =>
        _instant ?? (_local is { } local ? local.InZoneLeniently(zone).ToInstant() : _date.GetValueOrDefault().AtStartOfDayInZone(zone).ToInstant());

    /// <summary>The instant the bound ends a range at (exclusive), in <paramref name="zone"/>: a whole day ends where the next one starts.</summary>
    internal NodaTime.Instant AsEnd(DateTimeZone zone) =>
        _date is { } date ? date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() : AsStart(zone);
}
