namespace Scheduling.Recurrence;

/// <summary>The three forms the UNTIL rule part can take (RFC 5545 section 3.3.10).</summary>
public enum RecurrenceUntilKind
{
    /// <summary>A date (<c>UNTIL=19971224</c>): inclusive of that whole local day.</summary>
    Date = 0,

    /// <summary>A floating local date-time (<c>UNTIL=19971224T090000</c>): read in the series' time zone.</summary>
    LocalDateTime = 1,

    /// <summary>A UTC date-time (<c>UNTIL=19971224T000000Z</c>): an instant.</summary>
    Instant = 2,
}
