using NodaTime;

namespace Scheduling.Sessions;

/// <summary>The order of query results: by start instant, then by id (ordinal), which is unique.</summary>
internal static class SessionOrder
{
    public static int Compare(Instant leftStart, string leftId, Instant rightStart, string rightId)
    {
        var byStart = leftStart.CompareTo(rightStart);
        return byStart != 0 ? byStart : string.CompareOrdinal(leftId, rightId);
    }

    public static int Compare(Session left, Session right) =>
        Compare(left.Start.Timestamp, left.Id, right.Start.Timestamp, right.Id);

    /// <summary>Orders the largest first, for a bounded max-heap that keeps the smallest items.</summary>
    public sealed class Descending : IComparer<Session>
    {
        public static readonly Descending Instance = new();

        public int Compare(Session? x, Session? y) => SessionOrder.Compare(y!, x!);
    }
}
