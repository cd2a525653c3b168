using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Edits and cancellations of a whole series: read, checked against the revision the caller read, and replaced by
/// the store only if it is still at that revision. An instance's own fields stay as they are. Thread-safe.
/// </summary>
internal sealed class SeriesEdits(IRecurringSessionStore recurringSessions, IClock clock, SchedulingOptions options)
{
    /// <summary>The series with <paramref name="changes"/> applied, written.</summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument, or limit exceeded.</exception>
    public async ValueTask<RecurringSession> UpdateAsync(string tenantId, string id, RecurringSessionChanges changes, long expectedRevision, CancellationToken cancellationToken)
    {
        var record = await recurringSessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", id);
        Revisions.Check(record.Series.Revision, expectedRevision, id);
        var updated = SeriesDates.Edited(record.Series, Apply(record.Series, changes), changes) with { Revision = record.Series.Revision + 1, UpdatedAt = clock.GetCurrentInstant() };
        var spanEnd = SessionValidation.Check(updated);
        SessionPayload.Check(options.PayloadLimits, updated);
        if (!await recurringSessions.ReplaceAsync(tenantId, updated, spanEnd, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw Revisions.Stale(id);
        }

        return updated;
    }

    /// <summary>The series cancelled from now on, written.</summary>
    /// <exception cref="SchedulingException">Not found, or conflict on a stale revision.</exception>
    public async ValueTask<RecurringSession> CancelAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        var record = await recurringSessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", id);
        Revisions.Check(record.Series.Revision, expectedRevision, id);
        var now = clock.GetCurrentInstant();
        var cancelled = record.Series with { CancelledFrom = now, Revision = record.Series.Revision + 1, UpdatedAt = now };
        if (!await recurringSessions.ReplaceAsync(tenantId, cancelled, record.SpanEnd, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw Revisions.Stale(id);
        }

        return cancelled;
    }

    /// <summary>The series with the fields <paramref name="changes"/> gives; exception and extra dates are left to <see cref="SeriesDates"/>.</summary>
    public static RecurringSession Apply(RecurringSession series, RecurringSessionChanges changes) => series with
    {
        Details = changes.Details.ApplyTo(series.Details),
        Start = changes.Start.Or(series.Start),
        Duration = changes.Duration.Or(series.Duration),
        Rule = changes.Rule.Or(series.Rule),
    };
}
