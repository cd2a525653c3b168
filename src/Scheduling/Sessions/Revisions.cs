namespace Scheduling.Sessions;

/// <summary>
/// The revision checks of writes: the caller names the revision it read, and a write to anything else is a
/// <see cref="SchedulingErrorCode.Conflict"/> on <c>expectedRevision</c>. Thread-safe (stateless).
/// </summary>
internal static class Revisions
{
    /// <summary>Refuses a change of <paramref name="id"/>, stored at <paramref name="stored"/>, that the caller made from <paramref name="expected"/>.</summary>
    public static void Check(long stored, long expected, string id)
    {
        if (stored != expected)
        {
            throw SchedulingException.Conflict($"'{id}' is at revision {stored}, not {expected}: read it again and retry.", "expectedRevision");
        }
    }

    /// <summary>A write the store refused because <paramref name="id"/> changed after it was read.</summary>
    public static SchedulingException Stale(string id) =>
        SchedulingException.Conflict($"'{id}' changed while this call ran: read it again and retry.", "expectedRevision");

    /// <summary>A delete without reading that the store refused: the record is not at that revision, or gone.</summary>
    public static SchedulingException UnreadableNotAt(string id, long expectedRevision, SchedulingException unreadable) =>
        SchedulingException.Conflict(
            $"'{id}' cannot be read, and was not deleted: it is not at revision {expectedRevision}, or it is gone. {unreadable.Message}",
            "expectedRevision");
}
