using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>Sessions in the order of query results, which <see cref="SessionPosition"/> defines.</summary>
internal static class SessionOrder
{
    public static int Compare(Session left, Session right) =>
        SessionPosition.Compare(left.Start.Timestamp, left.Id, right.Start.Timestamp, right.Id);

    /// <summary>Orders the largest first, for a bounded max-heap that keeps the smallest items.</summary>
    public sealed class Descending : IComparer<Session>
    {
        public static readonly Descending Instance = new();

        public int Compare(Session? x, Session? y) => SessionOrder.Compare(y!, x!);
    }
}
