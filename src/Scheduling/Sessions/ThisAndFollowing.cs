using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// "This and following": splits a series at one of its instances. The ended series keeps the instances before it
/// (with UNTIL, or a smaller COUNT), a new series starts at it with the changes applied, and the store writes both in
/// one atomic step, moving the overrides from the split on as <see cref="Splitting"/> decides
/// (<see cref="IRecurringSessionStore.SplitAsync"/>). Thread-safe.
/// </summary>
internal sealed class ThisAndFollowing(SessionTargets targets, SeriesEdits seriesEdits, IRecurringSessionStore recurringSessions, IClock clock, SchedulingOptions options)
{
    /// <summary>Splits the series of <paramref name="instanceId"/> there and returns the new series (the series itself, changed, when it is the first instance).</summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument, or limit exceeded.</exception>
    public async ValueTask<RecurringSession> SplitAsync(string tenantId, string instanceId, RecurringSessionChanges changes, long expectedRevision, CancellationToken cancellationToken)
    {
        var instance = await targets.FindInstanceAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Session", instanceId);
        var view = instance.View;
        var series = view.Series;
        Revisions.Check(series.Revision, expectedRevision, series.Id);
        var splitAt = view.FindOccurrence(instance.Identity)!.Value;

        // The ended series ends with UNTIL at the last second before the instance, or with a COUNT of the instances
        // before it when its rule counts. Only a COUNT needs to know how many; otherwise whether any does decides. The
        // instance lies inside the supported range, and an earlier one exists, so that UNTIL lies inside it too and
        // not before DTSTART.
        // COUNT counts the rule's occurrences, those an exception date leaves out included and extra dates not
        // (RFC 5545 section 3.8.5.3), so the instances before the split are counted on the rule alone.
        var rule = series.Rule;
        var ruleAlone = series.IsAllDay ? RecurrenceSet.ForAllDay(series.Start.Date, series.Zone, rule) : new RecurrenceSet(series.Start, series.Zone, rule);
        if (SeriesDates.IsExtra(series, splitAt.RecurrenceId) && !ruleAlone.Between(splitAt.Start, splitAt.Start + Duration.FromSeconds(1), cancellationToken).Any(o => o.RecurrenceId == splitAt.RecurrenceId))
        {
            throw SchedulingException.Invalid("instanceId", $"'{instanceId}' is an extra date of its series, not an occurrence of its rule, so no series can start there with the same rule: edit it on its own, or split at an occurrence of the rule.");
        }

        var earlier = ruleAlone.Between(series.FirstStart, splitAt.Start, cancellationToken);
        var before = rule.Count is null ? (earlier.Any() ? 1 : 0) : earlier.Count();
        if (before == 0)
        {
            // The first instance: "this and following" is the whole series, so it changes in place and no rule is
            // written with an end before its start.
            return await seriesEdits.UpdateAsync(tenantId, series.Id, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetCurrentInstant();
        var endedRule = rule.Count is null ? Rules.WithEnd(rule, count: null, until: splitAt.Start - Duration.FromSeconds(1)) : Rules.WithEnd(rule, count: before, until: null);
        var followingRule = rule.Count is int count ? Rules.WithEnd(rule, count - before, null) : rule;
        var ended = series with { Rule = endedRule, Revision = series.Revision + 1, UpdatedAt = now };
        var following = SeriesEdits.Apply(series, changes with { Rule = changes.Rule.Or(followingRule), Start = changes.Start.Or(splitAt.RecurrenceId) }) with
        {
            Id = RecordIds.New(),
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        following = following with { IdentityStart = following.Start };
        var delta = Period.Between(splitAt.RecurrenceId, following.Start, PeriodUnits.Seconds).Seconds;
        (ended, following) = SeriesDates.Split(ended, following, changes, splitAt.RecurrenceId, delta);
        var endedSpan = SessionValidation.Check(ended);
        var followingSpan = SessionValidation.Check(following);
        SessionPayload.Check(options.PayloadLimits, following);

        // Overrides from the split on move to the new series, keyed by where its rule puts them: the old series'
        // shift from identity to rule start, plus the move of the split instance.
        var moveFrom = view.IdentityOf(splitAt.RecurrenceId);
        if (!await recurringSessions.SplitAsync(tenantId, series.Id, stored => Splitting.Split(stored, expectedRevision, ended, endedSpan, following, followingSpan, moveFrom, view.ShiftSeconds + delta), cancellationToken).ConfigureAwait(false))
        {
            throw Revisions.Stale(series.Id);
        }

        return following;
    }
}
