using NodaTime;
using Scheduling.Stores;
using static Scheduling.Sessions.RequestLists;

namespace Scheduling.Sessions;

/// <summary>
/// Creates single sessions and series from their requests: the record as the request describes it (a client booked
/// on a single session, a start in a DST gap moved with its length kept, an all-day session normalised), checked,
/// measured and inserted. Thread-safe.
/// </summary>
internal sealed class SessionCreation(ISessionStore sessions, IRecurringSessionStore recurringSessions, IClock clock, SchedulingOptions options)
{
    /// <summary>Creates a single session.</summary>
    /// <exception cref="SchedulingException">Invalid argument, limit exceeded, or conflict when the id is taken.</exception>
    public async ValueTask<Session> CreateAsync(string tenantId, NewSession request, CancellationToken cancellationToken)
    {
        if (request.Id is { } chosen && SessionInstanceId.TryParse(chosen, out _, out _))
        {
            throw SchedulingException.Invalid("id", $"'{chosen}' has the form of an instance id (series id, '_', yyyyMMddTHHmmss); choose another.");
        }

        var now = clock.GetCurrentInstant();
        var session = new Session
        {
            Id = request.Id ?? RecordIds.New(),
            ScheduleId = request.ScheduleId,
            ScheduleOwnerId = request.ScheduleOwnerId,
            Type = request.Type,
            Details = request.Details,
            Participants = WithClient(OrEmpty(request.Participants), request.Details?.ClientId),
            Start = request.Start,
            End = request.IsAllDay ? request.End : GapStart.EndKeepingLength(request.Start, request.End),
            IsAllDay = request.IsAllDay,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session = AllDay.Normalised(session);
        SessionValidation.Check(session);
        SessionPayload.Check(options.PayloadLimits, session);
        if (!await sessions.InsertAsync(tenantId, session, cancellationToken).ConfigureAwait(false))
        {
            throw SchedulingException.Conflict($"A session with id '{session.Id}' already exists.", "id");
        }

        return session;
    }

    /// <summary>Creates a recurring session.</summary>
    /// <exception cref="SchedulingException">Invalid argument (naming the field), limit exceeded, or conflict when the id is taken.</exception>
    public async ValueTask<RecurringSession> CreateAsync(string tenantId, NewRecurringSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var series = new RecurringSession
        {
            Id = request.Id ?? RecordIds.New(),
            ScheduleId = request.ScheduleId,
            ScheduleOwnerId = request.ScheduleOwnerId,
            Type = request.Type,
            Details = request.Details,
            Start = request.Start,
            Zone = request.Zone,
            Duration = request.Duration,
            Rule = request.Rule,
            IsAllDay = request.IsAllDay,
            ExceptionDates = SeriesDates.Normalise(request.ExceptionDates),
            ExtraDates = SeriesDates.Normalise(request.ExtraDates),
            IdentityStart = request.Start,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var spanEnd = SessionValidation.Check(series);
        SessionPayload.Check(options.PayloadLimits, series);
        if (!await recurringSessions.InsertAsync(tenantId, series, spanEnd, cancellationToken).ConfigureAwait(false))
        {
            throw SchedulingException.Conflict($"A recurring session with id '{series.Id}' already exists.", "id");
        }

        return series;
    }
}
