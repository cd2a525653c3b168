namespace Scheduling.Recurrence;

/// <summary>
/// The FREQ rule part of RFC 5545 section 3.3.10: the unit of time a recurrence rule steps by.
/// </summary>
/// <remarks>The values are ordered from the shortest unit to the longest, so they can be compared.</remarks>
public enum RecurrenceFrequency
{
    /// <summary>Every second (<c>FREQ=SECONDLY</c>).</summary>
    Secondly = 0,

    /// <summary>Every minute (<c>FREQ=MINUTELY</c>).</summary>
    Minutely = 1,

    /// <summary>Every hour (<c>FREQ=HOURLY</c>).</summary>
    Hourly = 2,

    /// <summary>Every day (<c>FREQ=DAILY</c>).</summary>
    Daily = 3,

    /// <summary>Every week (<c>FREQ=WEEKLY</c>); weeks start on the rule's <see cref="RecurrenceRule.WeekStart"/>.</summary>
    Weekly = 4,

    /// <summary>Every month (<c>FREQ=MONTHLY</c>).</summary>
    Monthly = 5,

    /// <summary>Every year (<c>FREQ=YEARLY</c>).</summary>
    Yearly = 6,
}
