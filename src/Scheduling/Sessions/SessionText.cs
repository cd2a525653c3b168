using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// Turns the text a host receives (a request body, a query string, a form) into the values the sessions API takes,
/// refusing bad text with the API's own error: <see cref="SchedulingException"/> with
/// <see cref="SchedulingErrorCode.InvalidArgument"/> naming the field.
/// </summary>
/// <remarks>
/// The engine's <see cref="RecurrenceRule.Parse"/> and NodaTime's <c>DateTimeZoneProviders.Tzdb[id]</c> throw
/// their own exceptions (<see cref="RecurrenceException"/>, <see cref="NodaTime.TimeZones.DateTimeZoneNotFoundException"/>); these
/// methods are the same parsers with the error a host maps to a response once. Thread-safe.
/// </remarks>
public static class SessionText
{
    /// <summary>
    /// Parses a recurrence rule (RFC 5545 section 3.3.10), such as <c>FREQ=WEEKLY;BYDAY=MO,WE</c>, as
    /// <see cref="RecurrenceRule.Parse"/> does.
    /// </summary>
    /// <param name="text">The rule text, without the <c>RRULE:</c> prefix.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>rule</c>, with <see cref="SchedulingException.Part"/>
    /// and <see cref="SchedulingException.Position"/> from the engine's <see cref="RecurrenceError"/> and the
    /// <see cref="RecurrenceException"/> as the inner exception: the text is null, empty or not a valid rule.
    /// </exception>
    public static RecurrenceRule ParseRule(string? text) =>
        RecurrenceRule.TryParse(text, out var rule, out var error)
            ? rule
            : throw SchedulingException.InvalidRule(new RecurrenceException(error));

    /// <summary>Finds a time zone of the tz database (IANA) by its id, such as <c>Europe/Zurich</c>.</summary>
    /// <param name="zoneId">The zone id; ids are case-sensitive, as in the tz database.</param>
    /// <returns>The zone, from <see cref="DateTimeZoneProviders.Tzdb"/>.</returns>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>zone</c>: the id is null, empty, or not in this
    /// version of the tz database.
    /// </exception>
    public static DateTimeZone ParseZone(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            throw SchedulingException.Invalid("zone", "A time zone id is required, such as 'Europe/Zurich'.");
        }

        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw SchedulingException.Invalid(
                "zone",
                $"'{Shorten(zoneId)}' is not a time zone of the tz database ({DateTimeZoneProviders.Tzdb.VersionId}): use an IANA id such as 'Europe/Zurich'.");
    }

    /// <summary>Keeps a message short whatever the caller sent.</summary>
    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
