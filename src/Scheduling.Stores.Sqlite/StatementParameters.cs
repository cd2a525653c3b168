using Microsoft.Data.Sqlite;
using Scheduling.Sessions;
using Scheduling.Stores.Relational;
using Scheduling.Stores.Serialization;

namespace Scheduling.Stores.Sqlite;

/// <summary>Binds an aggregate's indexed columns and JSON body to the parameters the stores' statements name.</summary>
internal static class StatementParameters
{
    /// <summary>Binds a session: <c>@tenant</c>, <c>@id</c>, its filter columns, ticks, revision and body.</summary>
    public static SqliteCommand WithSession(this SqliteCommand command, string tenantId, Session session) => command
        .With("@tenant", tenantId)
        .With("@id", session.Id)
        .With("@schedule_id", session.ScheduleId)
        .With("@schedule_owner_id", session.ScheduleOwnerId)
        .With("@type", (int)session.Type)
        .With("@status", (int)session.Status)
        .With("@start_ticks", Ticks.Floor(session.Start.Timestamp))
        .With("@end_ticks", Ticks.Ceiling(session.End.Timestamp))
        .With("@revision", session.Revision)
        .With("@body", StoredJson.Write(session));

    /// <summary>Binds a series: <c>@tenant</c>, <c>@id</c>, its filter columns, span, duration, revision and body.</summary>
    public static SqliteCommand WithSeries(this SqliteCommand command, string tenantId, RecurringSession series, NodaTime.Instant? spanEnd) => command
        .With("@tenant", tenantId)
        .With("@id", series.Id)
        .With("@schedule_id", series.ScheduleId)
        .With("@schedule_owner_id", series.ScheduleOwnerId)
        .With("@type", (int)series.Type)
        .With("@first_start_ticks", Ticks.Floor(series.FirstStart))
        .With("@span_end_ticks", spanEnd is { } end ? Ticks.Floor(end) : null)
        .With("@span_end_nanos", spanEnd is { } exact ? Ticks.NanosecondsPastFloor(exact) : 0)
        .With("@duration_ticks", Ticks.Ceiling(series.Duration))
        .With("@revision", series.Revision)
        .With("@body", StoredJson.Write(series));

    /// <summary>Binds an override: <c>@tenant</c>, <c>@id</c> (its series), its key, moved start, duration, revision and body.</summary>
    public static SqliteCommand WithOverride(this SqliteCommand command, string tenantId, InstanceOverride instanceOverride) => command
        .With("@tenant", tenantId)
        .With("@id", instanceOverride.RecurringSessionId)
        .With("@identity_start", ColumnValues.Key(instanceOverride.IdentityStart))
        .With("@revision", instanceOverride.Revision)
        .With("@moved_start_ticks", instanceOverride.Start is CalendarDateTime start ? Ticks.Floor(start.Timestamp) : null)
        .With("@duration_ticks", instanceOverride.Duration is { } duration ? Ticks.Ceiling(duration) : null)
        .With("@body", StoredJson.Write(instanceOverride));

    /// <summary>Binds an attendance: <c>@tenant</c>, <c>@id</c>, its booking and session, status, number, revision and instants.</summary>
    public static SqliteCommand WithAttendance(this SqliteCommand command, string tenantId, Scheduling.Attendance.Attendance attendance) => command
        .With("@tenant", tenantId)
        .With("@id", attendance.Id)
        .With("@booking_id", attendance.BookingId)
        .With("@session_id", attendance.SessionId)
        .With("@recurring_session_id", attendance.RecurringSessionId)
        .With("@status", (int)attendance.Status)
        .With("@number_of_attendees", attendance.NumberOfAttendees)
        .With("@revision", attendance.Revision)
        .With("@created_at_ticks", Ticks.Floor(attendance.CreatedAt))
        .With("@created_at_nanos", Ticks.NanosecondsPastFloor(attendance.CreatedAt))
        .With("@updated_at_ticks", Ticks.Floor(attendance.UpdatedAt))
        .With("@updated_at_nanos", Ticks.NanosecondsPastFloor(attendance.UpdatedAt));

    /// <summary>Binds the attendance candidate filter's sets as JSON arrays (NULL for "any").</summary>
    public static SqliteCommand WithCandidateFilter(this SqliteCommand command, AttendanceCandidateFilter filter) => command
        .With("@ids", ColumnValues.JsonSet(filter.Ids))
        .With("@booking_ids", ColumnValues.JsonSet(filter.BookingIds))
        .With("@session_ids", ColumnValues.JsonSet(filter.SessionIds))
        .With("@recurring_session_ids", ColumnValues.JsonSet(filter.RecurringSessionIds))
        .With("@statuses", ColumnValues.JsonSet(filter.Statuses.Select(s => (int)s).ToArray()));

    /// <summary>Binds the candidate filter's schedule, owner and type sets as JSON arrays (NULL for "any").</summary>
    public static SqliteCommand WithCandidateFilter(this SqliteCommand command, Stores.SessionCandidateFilter filter) => command
        .With("@schedule_ids", ColumnValues.JsonSet(filter.ScheduleIds))
        .With("@schedule_owner_ids", ColumnValues.JsonSet(filter.ScheduleOwnerIds))
        .With("@types", ColumnValues.JsonSet(filter.Types.Select(t => (int)t).ToArray()));
}
