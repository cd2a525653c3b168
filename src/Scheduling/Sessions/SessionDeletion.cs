using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Deletes single sessions and series for good, checked against the revision the caller read. A record stored in a
/// form this version cannot read is deleted without reading it: the store checks the revision it keeps beside the
/// body. Instances cannot be deleted, only cancelled. Thread-safe.
/// </summary>
internal sealed class SessionDeletion(ISessionStore sessions, IRecurringSessionStore recurringSessions, SessionTargets targets)
{
    /// <summary>Deletes a single session.</summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, or invalid argument for an instance id.</exception>
    public async ValueTask DeleteSessionAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        Session? stored;
        try
        {
            stored = await sessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.UnreadableRecord)
        {
            if (!await sessions.DeleteAsync(tenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
            {
                throw Revisions.UnreadableNotAt(id, expectedRevision, exception);
            }

            return;
        }

        if (stored is null)
        {
            throw await targets.FindInstanceAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is not null
                ? SchedulingException.Invalid("id", $"'{id}' is an instance of a recurring session: cancel it instead, or delete the series.")
                : SchedulingException.NotFound("Session", id);
        }

        Revisions.Check(stored.Revision, expectedRevision, id);
        if (!await sessions.DeleteAsync(tenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw Revisions.Stale(id);
        }
    }

    /// <summary>Deletes a series, its instances and their edits.</summary>
    /// <exception cref="SchedulingException">Not found, or conflict on a stale revision.</exception>
    public async ValueTask DeleteSeriesAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        RecurringSessionRecord? found;
        try
        {
            found = await recurringSessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.UnreadableRecord)
        {
            if (!await recurringSessions.DeleteAsync(tenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
            {
                throw Revisions.UnreadableNotAt(id, expectedRevision, exception);
            }

            return;
        }

        var record = found ?? throw SchedulingException.NotFound("Recurring session", id);
        Revisions.Check(record.Series.Revision, expectedRevision, id);
        if (!await recurringSessions.DeleteAsync(tenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw Revisions.Stale(id);
        }
    }
}
