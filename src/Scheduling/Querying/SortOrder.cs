namespace Scheduling.Querying;

/// <summary>Which way a sort runs (the anchor API's <c>ASC</c> and <c>DESC</c>).</summary>
public enum SortOrder
{
    /// <summary>Smallest first (<c>ASC</c>).</summary>
    Ascending = 0,

    /// <summary>Largest first (<c>DESC</c>).</summary>
    Descending = 1,
}
