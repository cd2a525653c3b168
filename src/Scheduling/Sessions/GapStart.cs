using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// A session whose local start falls in a DST gap: RFC 5545 section 3.3.5 reads that start with the offset before the
/// gap (02:30 on a spring-forward night starts at 03:30), and the session keeps the wall-clock length the caller gave
/// from its start to its end, as an instance of a series shifted by a gap keeps its duration. Without this, 02:30 to
/// 03:30 would silently become a session of no length.
/// </summary>
internal static class GapStart
{
    /// <summary>
    /// The end of a session from <paramref name="start"/> to <paramref name="end"/>: when the start is a local time in
    /// a gap and the end a local time in the same zone, the shifted start plus the local length between them;
    /// otherwise <paramref name="end"/> as given.
    /// </summary>
    public static CalendarDateTime EndKeepingLength(CalendarDateTime start, CalendarDateTime end)
    {
        if (start.LocalDateTime is not { } startLocal || end.LocalDateTime is not { } endLocal
            || start.Zone!.Id != end.Zone!.Id || start.Zone.MapLocal(startLocal).Count != 0)
        {
            return end;
        }

        var wallLength = endLocal.InUtc().ToInstant() - startLocal.InUtc().ToInstant();
        return wallLength < Duration.Zero ? end : start.Plus(wallLength);
    }
}
