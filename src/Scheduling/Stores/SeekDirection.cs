namespace Scheduling.Stores;

/// <summary>Which way a keyset seek reads from its position.</summary>
public enum SeekDirection
{
    /// <summary>The items after the position, in the query's order (from the first when there is no position).</summary>
    Forward = 0,

    /// <summary>The items before the position, nearest first, in the query's order read backwards (from the last when there is no position).</summary>
    Backward = 1,
}
