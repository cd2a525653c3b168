using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// The edits of one instance of a series, as plain functions of the instance read with its own override: each
/// checks the revision the caller read (the override's, 0 when it has none) and the rules, and returns the override
/// to write (created on the first edit), or null to write nothing. Null fields keep inheriting from the series. They
/// run inside the store's atomic change of the instance (<see cref="SessionTargets.EditAsync"/>). Thread-safe (stateless).
/// </summary>
internal static class InstanceEdits
{
    /// <summary>The instance's override with <paramref name="changes"/> applied, checked against the series.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision; invalid argument; limit exceeded.</exception>
    public static InstanceOverride Updated(SessionTarget.Instance instance, SessionChanges changes, string id, long expectedRevision, Instant now, PayloadLimits limits)
    {
        var current = instance.Session;
        Revisions.Check(current.Revision, expectedRevision, id);
        var own = instance.OwnOrNew(now);
        var start = changes.Start.HasValue ? changes.Start.Value : current.Start;
        SupportedTimes.CheckStart(start, "start");
        var end = changes.End.HasValue ? GapStart.EndKeepingLength(start, changes.End.Value) : SupportedTimes.EndOf(start, current.End.Timestamp - current.Start.Timestamp);
        if (instance.Series.IsAllDay && (changes.Start.HasValue || changes.End.HasValue))
        {
            (start, end) = AllDay.Moved(start, changes.End.HasValue ? changes.End.Value : null, current.End.Timestamp - current.Start.Timestamp);
        }

        SupportedTimes.CheckEnd(end, "end");
        var saved = own with
        {
            Start = changes.Start.HasValue ? start : own.Start,
            Duration = changes.End.HasValue || changes.Start.HasValue && own.Duration.HasValue ? end.Timestamp - start.Timestamp : own.Duration,
            Details = changes.Details.ApplyTo(own.Details),
            Revision = own.Revision + 1,
            UpdatedAt = now,
        };
        SessionValidation.Check(saved, instance.Series);
        SessionPayload.Check(limits, saved);
        return saved;
    }

    /// <summary>The instance's override as a cancelled tombstone; every other edit of its own stays.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision, or on <c>status</c> when it is marked completed.</exception>
    public static InstanceOverride Cancelled(SessionTarget.Instance instance, string id, long expectedRevision, Instant now)
    {
        var current = instance.Session;
        Revisions.Check(current.Revision, expectedRevision, id);
        LifecycleChange.RefuseCancelOfCompleted(current);
        var own = instance.OwnOrNew(now);
        return own with { IsCancelled = true, Revision = own.Revision + 1, UpdatedAt = now };
    }

    /// <summary>The instance's override moved to <paramref name="status"/>, or null when that changes nothing.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision, or on <c>status</c> for a change the lifecycle refuses.</exception>
    public static InstanceOverride? Marked(SessionTarget.Instance instance, LifecycleStatus status, string id, long expectedRevision, Instant now)
    {
        var current = instance.Session;
        Revisions.Check(current.Revision, expectedRevision, id);
        var mark = LifecycleChange.Mark(current, status, now);
        if (LifecycleChange.Unchanged(current, mark))
        {
            return null;
        }

        var own = instance.OwnOrNew(now);
        return own with
        {
            IsCancelled = own.IsCancelled || mark.Cancelled,
            Progress = mark.Progress,
            Revision = own.Revision + 1,
            UpdatedAt = now,
        };
    }

    /// <summary>The instance's override with <paramref name="note"/> at the end of its log (the series' log, until the instance has its own).</summary>
    /// <exception cref="SchedulingException">Limit exceeded for the note or the log.</exception>
    public static InstanceOverride Noted(SessionTarget.Instance instance, SessionNote note, PayloadLimits limits)
    {
        var own = instance.OwnOrNew(note.CreatedAt);
        var log = own.Details.NoteLog ?? instance.Series.Details.NoteLog;
        SessionPayload.CheckNote(limits, log.Length, note.Text, note.AuthorId);
        return own with { Details = own.Details with { NoteLog = log.Add(note) }, Revision = own.Revision + 1, UpdatedAt = note.CreatedAt };
    }
}
