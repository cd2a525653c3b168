using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// The checks a session, a series or an instance's override passes before it is written: required fields, texts,
/// times, capacity, participants and the details a workspace shows. Each failure is
/// <see cref="SchedulingErrorCode.InvalidArgument"/> naming the field. Thread-safe (stateless).
/// </summary>
internal static class SessionValidation
{
    /// <summary>Checks a single session.</summary>
    public static void Check(Session session)
    {
        Require(session.ScheduleId, "scheduleId");
        Require(session.ScheduleOwnerId, "scheduleOwnerId");
        RequireMember(session.Details, "details");
        session.Details.Check();
        SupportedTimes.CheckStart(session.Start, "start");
        SupportedTimes.CheckEnd(session.End, "end");
        if (session.End.Timestamp < session.Start.Timestamp)
        {
            throw SchedulingException.Invalid("end", $"The end ({session.End}) is before the start ({session.Start}).");
        }

        CheckRoom(session.Details.Capacity, session.Participants.Length);
        if (session.Participants.Any(p => string.IsNullOrWhiteSpace(p?.Id)) || session.Participants.Select(p => p.Id).Distinct().Count() != session.Participants.Length)
        {
            throw SchedulingException.Invalid("participants", "Every participant needs an id, and an id may appear once.");
        }
    }

    /// <summary>Checks a series and returns the span end of its instances (null when it never ends).</summary>
    public static Instant? Check(RecurringSession series)
    {
        Require(series.ScheduleId, "scheduleId");
        Require(series.ScheduleOwnerId, "scheduleOwnerId");
        RequireMember(series.Zone, "zone");
        RequireMember(series.Rule, "rule");
        RequireMember(series.Details, "details");
        series.Details.Check();
        SupportedTimes.CheckStart(series.Start, "start");
        SupportedTimes.CheckDuration(series.Duration, "duration");
        CheckUntilAfterStart(series);
        SeriesDates.Check(series);
        if (series.IsAllDay)
        {
            AllDay.Check(series);
        }

        try
        {
            return series.IsAllDay
                ? Rules.SpanEnd(AllDay.SetOf(series), series.Duration + AllDay.Slack)
                : Rules.SpanEnd(new RecurrenceSet(series.Start, series.Zone, series.Rule, SeriesDates.OrEmpty(series.ExtraDates), SeriesDates.OrEmpty(series.ExceptionDates)), series.Duration);
        }
        catch (RecurrenceException exception)
        {
            // The engine names a rule part for a rule problem (an all-day series' set refused is its rule too); without
            // one it refused the start (a fraction of a second).
            var field = exception.Error.Part is not null || (series.IsAllDay && exception.Error.Code == RecurrenceErrorCode.InvalidSet) ? "rule" : "start";
            throw SchedulingException.InvalidRule(exception, field);
        }
    }

    /// <summary>
    /// Checks an instance's override as the instance reads it, a field it leaves to the series taken from
    /// <paramref name="series"/>.
    /// </summary>
    public static void Check(InstanceOverride own, RecurringSession series)
    {
        if (own.Duration is Duration length && length < Duration.Zero)
        {
            throw SchedulingException.Invalid("end", "The end is before the start.");
        }

        RequireMember(own.Details, "details");
        var shown = own.Details.Over(series.Details);
        shown.Check();
        CheckRoom(shown.Capacity, own.Participants.Length);
    }

    private static void CheckRoom(int? capacity, int participants)
    {
        if (capacity is int limit && participants > limit)
        {
            throw SchedulingException.Invalid("participants", $"{participants} participants do not fit a capacity of {limit}.");
        }
    }

    /// <summary>
    /// Refuses a rule whose UNTIL lies before the series' start: such a series would hold its start alone (RFC 5545
    /// always counts DTSTART), which is never what a caller who wrote an end meant.
    /// </summary>
    private static void CheckUntilAfterStart(RecurringSession series)
    {
        if (series.Rule.Until is not { } until)
        {
            return;
        }

        var before = until.Kind switch
        {
            RecurrenceUntilKind.Date => until.Date < series.Start.Date,
            RecurrenceUntilKind.LocalDateTime => until.LocalDateTime < series.Start,
            _ => until.Instant < series.Start.InZoneLeniently(series.Zone).ToInstant(),
        };
        if (before)
        {
            throw SchedulingException.InvalidRule("UNTIL", $"UNTIL {until} is before the series' start {series.Start:uuuu-MM-dd'T'HH:mm:ss}: the series would hold its start alone.");
        }
    }

    /// <summary>A member of a request that must be given; a deserializer can leave even a required one null.</summary>
    public static void RequireMember(object? value, string field)
    {
        if (value is null)
        {
            throw SchedulingException.Invalid(field, $"'{field}' is required.");
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SchedulingException.Invalid(field, $"'{field}' is required.");
        }
    }


    /// <summary>An id argument, which must not be empty.</summary>
    public static void RequireId(string? id, string field = "id")
    {
        if (string.IsNullOrEmpty(id))
        {
            throw SchedulingException.Invalid(field, "An id is required.");
        }
    }
}
