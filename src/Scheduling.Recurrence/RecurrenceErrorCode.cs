namespace Scheduling.Recurrence;

/// <summary>What went wrong, in a form a program can act on.</summary>
public enum RecurrenceErrorCode
{
    /// <summary>The rule text is not well formed: a part is not <c>NAME=VALUE</c>, a name is unknown or repeated, or a value does not parse.</summary>
    Syntax = 0,

    /// <summary>A value parses but is out of range, for example <c>BYMONTH=13</c> or <c>INTERVAL=0</c>.</summary>
    OutOfRange = 1,

    /// <summary>Rule parts that RFC 5545 does not allow together, for example COUNT with UNTIL, or BYWEEKNO with FREQ=MONTHLY.</summary>
    InvalidCombination = 2,

    /// <summary>A required part is missing (FREQ).</summary>
    Missing = 3,

    /// <summary>A recurrence set's values do not fit together, for example an all-day start with FREQ=HOURLY, or a start with a fraction of a second.</summary>
    InvalidSet = 4,

    /// <summary>Expansion gave up after a fixed amount of work without finding an occurrence.</summary>
    ExpansionLimitExceeded = 5,
}
