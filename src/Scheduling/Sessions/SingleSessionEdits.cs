using NodaTime;
using static Scheduling.Sessions.RequestLists;

namespace Scheduling.Sessions;

/// <summary>
/// The edits of a single session, as plain functions of the stored session: each checks the revision the caller
/// read and the rules, and returns the session to write (or null to write nothing). They run inside the store's
/// atomic change (<see cref="SessionTargets.EditAsync"/>), so the check and the write are one step. Thread-safe
/// (stateless).
/// </summary>
internal static class SingleSessionEdits
{
    /// <summary>The session with <paramref name="changes"/> applied, checked.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision; invalid argument; limit exceeded.</exception>
    public static Session Updated(Session stored, SessionChanges changes, string id, long expectedRevision, Instant now, PayloadLimits limits)
    {
        Revisions.Check(stored.Revision, expectedRevision, id);
        var updated = stored with
        {
            Details = changes.Details.ApplyTo(stored.Details),
            Participants = changes.Details.ClientId.HasValue ? WithClient(WithoutClient(stored.Participants, stored.Details.ClientId), changes.Details.ClientId.Value) : stored.Participants,
            Start = changes.Start.Or(stored.Start),
            End = changes.Start.HasValue || changes.End.HasValue
                ? GapStart.EndKeepingLength(changes.Start.Or(stored.Start), changes.End.Or(stored.End))
                : stored.End,
            Revision = stored.Revision + 1,
            UpdatedAt = now,
        };
        if (stored.IsAllDay && (changes.Start.HasValue || changes.End.HasValue))
        {
            var (firstDay, endDay) = AllDay.Moved(changes.Start.Or(stored.Start), changes.End.HasValue ? changes.End.Value : null, stored.End.Timestamp - stored.Start.Timestamp);
            updated = updated with { Start = firstDay, End = endDay };
        }

        SessionValidation.Check(updated);
        SessionPayload.Check(limits, updated);
        return updated;
    }

    /// <summary>The session cancelled.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision, or on <c>status</c> when it is marked completed.</exception>
    public static Session Cancelled(Session stored, string id, long expectedRevision, Instant now)
    {
        Revisions.Check(stored.Revision, expectedRevision, id);
        LifecycleChange.RefuseCancelOfCompleted(stored);
        return stored with { Status = SessionStatus.Cancelled, Revision = stored.Revision + 1, UpdatedAt = now };
    }

    /// <summary>The session moved to <paramref name="status"/>, or null when that changes nothing.</summary>
    /// <exception cref="SchedulingException">Conflict on a stale revision, or on <c>status</c> for a change the lifecycle refuses.</exception>
    public static Session? Marked(Session stored, LifecycleStatus status, string id, long expectedRevision, Instant now)
    {
        Revisions.Check(stored.Revision, expectedRevision, id);
        var mark = LifecycleChange.Mark(stored, status, now);
        if (LifecycleChange.Unchanged(stored, mark))
        {
            return null;
        }

        return stored with
        {
            Status = mark.Cancelled ? SessionStatus.Cancelled : stored.Status,
            Progress = mark.Progress,
            Revision = stored.Revision + 1,
            UpdatedAt = now,
        };
    }

    /// <summary>The session with <paramref name="note"/> at the end of its log.</summary>
    /// <exception cref="SchedulingException">Limit exceeded for the note or the log.</exception>
    public static Session Noted(Session stored, SessionNote note, PayloadLimits limits)
    {
        SessionPayload.CheckNote(limits, stored.Details.NoteLog.Length, note.Text, note.AuthorId);
        return stored with { Details = stored.Details with { NoteLog = stored.Details.NoteLog.Add(note) }, Revision = stored.Revision + 1, UpdatedAt = note.CreatedAt };
    }
}
