using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using Scheduling.Cli.Text;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Expansion;

/// <summary>
/// A checked request to expand: a recurrence set and a window <c>[From, To)</c> of instants. Made only by
/// <see cref="TryCreate"/>, so every request that exists is valid.
/// </summary>
/// <remarks>
/// <para>Every local value (DTSTART, EXDATE, RDATE and the window bounds) is read in the request's time zone. The
/// window bounds are read by RFC 5545 section 3.3.5, as the engine reads occurrences: a time in a spring-forward gap
/// takes the offset before the gap, an ambiguous time its first occurrence. The window then compares instants.</para>
/// <para>A date DTSTART makes an all-day series (RFC 5545 VALUE=DATE): its EXDATEs and RDATEs must be dates too,
/// and its occurrences are written as dates. A date window bound means midnight at the start of that day.</para>
/// <para>Every local value lies in <see cref="SupportedRange"/> (a window may end at its end). Requests are bounded by
/// <see cref="ExpansionLimits"/>. This type is immutable and thread-safe.</para>
/// </remarks>
internal sealed class ExpansionRequest
{
    private ExpansionRequest(RecurrenceSet set, Instant from, Instant to)
    {
        Set = set;
        From = from;
        To = to;
    }

    /// <summary>Gets the recurrence set to expand.</summary>
    public RecurrenceSet Set { get; }

    /// <summary>Gets a value indicating whether the series is all-day, so its occurrences are written as dates.</summary>
    public bool IsAllDay => Set.IsAllDay;

    /// <summary>Gets the inclusive start of the window.</summary>
    public Instant From { get; }

    /// <summary>Gets the exclusive end of the window; never before <see cref="From"/>.</summary>
    public Instant To { get; }

    /// <summary>Checks <paramref name="input"/> and builds the request it describes.</summary>
    /// <param name="input">The request as text.</param>
    /// <param name="zones">Where time zones are looked up.</param>
    /// <param name="request">The request, when <paramref name="input"/> is valid.</param>
    /// <param name="error">
    /// When it is not, a sentence naming the first field that is wrong and why, for example
    /// <c>tz 'Europe/Berln' is not a known IANA time zone id</c>.
    /// </param>
    /// <returns>True when <paramref name="input"/> is valid.</returns>
    public static bool TryCreate(
        ExpansionInput input,
        TimeZoneCache zones,
        [NotNullWhen(true)] out ExpansionRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(zones);
        request = null;

        if (!TryFindZone(input.TimeZone, zones, out var zone, out error)
            || !TryParseLocal("dtstart", input.Start, out var start, out error)
            || !TryParseRule(input.Rule, out var rule, out error)
            || !TryParseDates("exdate", input.ExceptionDates, start, out var exceptionDates, out error)
            || !TryParseDates("rdate", input.RecurrenceDates, start, out var recurrenceDates, out error)
            || !TryParseLocal("from", input.From, out var from, out error)
            || !TryParseLocal("to", input.To, out var to, out error)
            || !TryResolveWindow(from, to, zone, out var fromInstant, out var toInstant, out error))
        {
            return false;
        }

        RecurrenceSet set;
        try
        {
            set = start.IsDate
                ? RecurrenceSet.ForAllDay(start.Date, zone, rule, recurrenceDates.Select(date => date.Date), exceptionDates.Select(date => date.Date))
                : new RecurrenceSet(start.Value, zone, rule, recurrenceDates.Select(date => date.Value), exceptionDates.Select(date => date.Value));
        }
        catch (RecurrenceException exception)
        {
            error = $"the recurrence set is invalid: {exception.Error.Message}";
            return false;
        }

        request = new ExpansionRequest(set, fromInstant, toInstant);
        return true;
    }

    /// <summary>
    /// Expands the request into <paramref name="occurrences"/>, in ascending order of start, each instant once.
    /// </summary>
    /// <param name="occurrences">Cleared, then filled; left empty when expansion fails.</param>
    /// <param name="error">
    /// Why expansion failed: more than <see cref="ExpansionLimits.MaxOccurrences"/> occurrences, the budget ran out,
    /// or the engine gave up.
    /// </param>
    /// <param name="budget">How long expansion may take before it stops with an error; null or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="time">What the budget is measured by; the system's clock by default.</param>
    /// <param name="cancellationToken">Observed while expanding.</param>
    /// <returns>True when every occurrence in the window is in <paramref name="occurrences"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public bool TryExpand(List<Occurrence> occurrences, [NotNullWhen(false)] out string? error, TimeSpan? budget = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        occurrences.Clear();
        using var spent = budget is not { } limit || limit == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(limit, time ?? TimeProvider.System);
        using var either = spent is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, spent.Token);
        try
        {
            foreach (var occurrence in Set.Between(From, To, either?.Token ?? cancellationToken))
            {
                if (occurrences.Count == ExpansionLimits.MaxOccurrences)
                {
                    occurrences.Clear();
                    error = string.Create(
                        CultureInfo.InvariantCulture,
                        $"the window holds more than {ExpansionLimits.MaxOccurrences:N0} occurrences, the most one request may produce; narrow from and to, or bound the rule with COUNT or UNTIL");
                    return false;
                }

                occurrences.Add(occurrence);
            }
        }
        catch (RecurrenceException exception)
        {
            occurrences.Clear();
            error = $"expansion stopped: {exception.Error.Message}";
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            occurrences.Clear();
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"expansion ran out of its budget of {budget!.Value.TotalMilliseconds:N0} ms (--budget); narrow from and to, or simplify the rule");
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryFindZone(string? id, TimeZoneCache zones, [NotNullWhen(true)] out DateTimeZone? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        if (string.IsNullOrEmpty(id))
        {
            error = "tz is required: an IANA time zone id such as Europe/Berlin";
            return false;
        }

        zone = zones.Find(id);
        error = zone is null ? $"tz '{id}' is not a known IANA time zone id (ids are case-sensitive, for example America/New_York)" : null;
        return zone is not null;
    }

    private static bool TryParseLocal(string field, string? text, out LocalDateOrDateTime value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (text is null)
        {
            error = $"{field} is required: {LocalDateTimeParsing.ExpectedForms}";
            return false;
        }

        if (!LocalDateTimeParsing.TryParse(text, out value, out var problem))
        {
            error = $"{field} '{text}' is not a valid date or local date-time: {problem}";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseRule(string? text, out RecurrenceRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        if (text is null)
        {
            error = null;
            return true;
        }

        if (RecurrenceRule.TryParse(text, out rule, out var ruleError))
        {
            error = null;
            return true;
        }

        var where = (ruleError.Part, ruleError.Position) switch
        {
            ({ } part, { } position) => $" in {part} at position {position}",
            ({ } part, null) => $" in {part}",
            (null, { } position) => $" at position {position}",
            _ => string.Empty,
        };
        error = $"rrule '{text}' is invalid{where}: {ruleError.Message}";
        return false;
    }

    private static bool TryParseDates(
        string field,
        IReadOnlyList<string> texts,
        LocalDateOrDateTime start,
        out LocalDateOrDateTime[] values,
        [NotNullWhen(false)] out string? error)
    {
        values = texts.Count == 0 ? [] : new LocalDateOrDateTime[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!TryParseLocal(field, texts[i], out values[i], out error))
            {
                return false;
            }

            if (values[i].IsDate != start.IsDate)
            {
                error = start.IsDate
                    ? $"{field} '{texts[i]}' is a date-time, but dtstart is a date (an all-day series): give dates"
                    : $"{field} '{texts[i]}' is a date, but dtstart is a date-time: give local date-times";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryResolveWindow(
        LocalDateOrDateTime from,
        LocalDateOrDateTime to,
        DateTimeZone zone,
        out Instant fromInstant,
        out Instant toInstant,
        [NotNullWhen(false)] out string? error)
    {
        fromInstant = default;
        toInstant = default;
        if (!SupportedRange.Contains(from.Value) || to.Value < SupportedRange.LocalStart || to.Value > SupportedRange.LocalEnd)
        {
            var (field, value) = SupportedRange.Contains(from.Value) ? ("to", to) : ("from", from);
            error = $"{field} {value} is outside the supported range: the window must lie from 0001-01-02T00:00:00 to 9999-12-31T00:00:00";
            return false;
        }

        fromInstant = from.Value.InZoneLeniently(zone).ToInstant();
        toInstant = to.Value.InZoneLeniently(zone).ToInstant();
        if (toInstant < fromInstant)
        {
            error = $"from {from} is after to {to}: the window is [from, to)";
            return false;
        }

        // Compared on the calendar so that "100 years" means what it says; PlusYears is only called where it cannot pass year 9999.
        var years = to.Value.Year - from.Value.Year;
        if (years > ExpansionLimits.MaxWindowYears || (years == ExpansionLimits.MaxWindowYears && to.Value > from.Value.PlusYears(years)))
        {
            error = $"the window from {from} to {to} is longer than {ExpansionLimits.MaxWindowYears} years, the most one request may ask for";
            return false;
        }

        error = null;
        return true;
    }
}
