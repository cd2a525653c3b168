using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>What a caller gives to create a recurring session.</summary>
public sealed record NewRecurringSession
{
    private readonly ValueArray<LocalDateTime> _exceptionDates = new([]);
    private readonly ValueArray<LocalDateTime> _extraDates = new([]);

    /// <summary>Gets the id to use, or null to have one generated.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the schedule the series belongs to.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>Gets the resource or service that owns the schedule.</summary>
    public required string ScheduleOwnerId { get; init; }

    /// <summary>Gets the kind of time the instances occupy.</summary>
    public SessionType Type { get; init; }

    /// <summary>Gets the details every instance inherits.</summary>
    public SessionDetails Details { get; init; } = SessionDetails.None;

    /// <summary>Gets the wall-clock start of the first instance.</summary>
    public required LocalDateTime Start { get; init; }

    /// <summary>Gets the IANA time zone.</summary>
    public required DateTimeZone Zone { get; init; }

    /// <summary>Gets how long each instance lasts.</summary>
    public required Duration Duration { get; init; }

    /// <summary>Gets the recurrence rule.</summary>
    public required RecurrenceRule Rule { get; init; }

    /// <summary>
    /// Gets the occurrences to leave out (RFC 5545 EXDATE): wall-clock starts in <see cref="Zone"/> as the rule
    /// produces them (an instance's <see cref="Session.OriginalStart"/>), in whole seconds. Duplicates are removed and
    /// the list is kept sorted; a date the rule never produces is kept and changes nothing.
    /// </summary>
    public ImmutableArray<LocalDateTime> ExceptionDates { get => _exceptionDates.Items; init => _exceptionDates = new(value); }

    /// <summary>
    /// Gets extra instances beyond the rule's (RFC 5545 RDATE): wall-clock starts in <see cref="Zone"/>, in whole
    /// seconds, none before <see cref="Start"/>; each lasts <see cref="Duration"/>. Duplicates are removed and the list
    /// is kept sorted; an extra date the rule also produces is one instance.
    /// </summary>
    public ImmutableArray<LocalDateTime> ExtraDates { get => _extraDates.Items; init => _extraDates = new(value); }

    /// <summary>
    /// Gets a value indicating whether the instances take whole days (RFC 5545 VALUE=DATE): <see cref="Start"/> is then
    /// the first date at midnight, <see cref="Duration"/> a whole number of days read as calendar days (an instance ends
    /// at the start of the day after its last, so a day across a DST change lasts 23 or 25 hours), exception and extra
    /// dates are dates at midnight, and the rule steps in days or longer without BYHOUR, BYMINUTE or BYSECOND.
    /// <see cref="AllDay"/> builds one.
    /// </summary>
    public bool IsAllDay { get; init; }

    /// <summary>An all-day series: instances of <paramref name="days"/> calendar days each from <paramref name="firstDay"/>, by <paramref name="rule"/>.</summary>
    /// <param name="scheduleId">The schedule the series belongs to.</param>
    /// <param name="scheduleOwnerId">The resource or service that owns the schedule.</param>
    /// <param name="firstDay">The date of the first instance (DTSTART;VALUE=DATE).</param>
    /// <param name="days">How many calendar days each instance takes, at least 1.</param>
    /// <param name="zone">The IANA time zone the days are in.</param>
    /// <param name="rule">The rule: FREQ of DAILY or longer, without BYHOUR, BYMINUTE or BYSECOND.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="rule"/> is null.</exception>
    public static NewRecurringSession AllDay(string scheduleId, string scheduleOwnerId, LocalDate firstDay, int days, DateTimeZone zone, RecurrenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(rule);
        return new NewRecurringSession
        {
            ScheduleId = scheduleId,
            ScheduleOwnerId = scheduleOwnerId,
            Start = firstDay.AtMidnight(),
            Zone = zone,
            Duration = Duration.FromDays(days),
            Rule = rule,
            IsAllDay = true,
        };
    }
}
