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
        RequireTextIfGiven(session.Title, "title");
        SupportedTimes.CheckStart(session.Start, "start");
        SupportedTimes.CheckEnd(session.End, "end");
        if (session.End.Timestamp < session.Start.Timestamp)
        {
            throw SchedulingException.Invalid("end", $"The end ({session.End}) is before the start ({session.Start}).");
        }

        ValidateCommon(session.Tags, session.Capacity, session.Participants.Length);
        if (session.Participants.Any(p => string.IsNullOrWhiteSpace(p?.Id)) || session.Participants.Select(p => p.Id).Distinct().Count() != session.Participants.Length)
        {
            throw SchedulingException.Invalid("participants", "Every participant needs an id, and an id may appear once.");
        }

        ValidateDetails(session.ClientId, session.ServiceIds, session.FieldValues, session.Attachments, session.NoteLog);
    }

    /// <summary>Checks a series and returns the span end of its instances (null when it never ends).</summary>
    public static Instant? Check(RecurringSession series)
    {
        Require(series.ScheduleId, "scheduleId");
        Require(series.ScheduleOwnerId, "scheduleOwnerId");
        RequireMember(series.Zone, "zone");
        RequireMember(series.Rule, "rule");
        RequireTextIfGiven(series.Title, "title");
        SupportedTimes.CheckStart(series.Start, "start");
        SupportedTimes.CheckDuration(series.Duration, "duration");
        CheckUntilAfterStart(series);
        SeriesDates.Check(series);
        if (series.IsAllDay)
        {
            AllDay.Check(series);
        }

        ValidateCommon(series.Tags, series.Capacity, 0);
        ValidateDetails(series.ClientId, series.ServiceIds, series.FieldValues, series.Attachments, series.NoteLog);
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

        RequireTextIfGiven(own.Title, "title");

        ValidateCommon(own.Tags ?? series.Tags, own.Capacity ?? series.Capacity, own.Participants.Length);
        ValidateDetails(
            own.ClientId ?? series.ClientId,
            own.ServiceIds ?? series.ServiceIds,
            own.FieldValues ?? series.FieldValues,
            own.Attachments ?? series.Attachments,
            own.NoteLog ?? series.NoteLog);
    }

    private static void ValidateCommon(ImmutableArray<string> tags, int? capacity, int participants)
    {
        if (tags.Any(string.IsNullOrWhiteSpace))
        {
            throw SchedulingException.Invalid("tags", "Tags must not be empty.");
        }

        if (capacity is < 0)
        {
            throw SchedulingException.Invalid("capacity", "The capacity must not be negative.");
        }

        if (capacity is int limit && participants > limit)
        {
            throw SchedulingException.Invalid("participants", $"{participants} participants do not fit a capacity of {limit}.");
        }
    }

    /// <summary>Checks the shape of the client, services, field values, attachments and notes (a workspace checks field values against its definitions).</summary>
    private static void ValidateDetails(
        string? clientId,
        ImmutableArray<string> serviceIds,
        ImmutableArray<FieldValue> fieldValues,
        ImmutableArray<Attachment> attachments,
        ImmutableArray<SessionNote> noteLog)
    {
        if (clientId is not null && string.IsNullOrWhiteSpace(clientId))
        {
            throw SchedulingException.Invalid("clientId", "A client id must not be empty: give one, or null for no client.");
        }

        if (serviceIds.Any(string.IsNullOrWhiteSpace) || serviceIds.Distinct(StringComparer.Ordinal).Count() != serviceIds.Length)
        {
            throw SchedulingException.Invalid("serviceIds", "Service ids must not be empty, and an id may appear once.");
        }

        if (fieldValues.Any(v => v is null) || fieldValues.Select(v => v.FieldId).Distinct(StringComparer.Ordinal).Count() != fieldValues.Length)
        {
            throw SchedulingException.Invalid("fieldValues", "A session holds at most one value per field.");
        }

        if (attachments.Any(a => a is null) || attachments.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != attachments.Length)
        {
            throw SchedulingException.Invalid("attachments", "Every attachment is given, and an attachment id may appear once.");
        }

        if (noteLog.Any(n => n is null) || noteLog.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() != noteLog.Length)
        {
            throw SchedulingException.Invalid("noteLog", "Every note is given, and a note id may appear once.");
        }
    }
    /// <summary>A text a caller may leave out (null) but not give as empty or white space, such as a title.</summary>
    private static void RequireTextIfGiven(string? value, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw SchedulingException.Invalid(field, $"'{field}' must not be empty or white space: give one, or leave it out.");
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
    private static void RequireMember(object? value, string field)
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
