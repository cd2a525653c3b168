using NodaTime;

namespace Scheduling.Stores;

/// <summary>A keyset position in the order of query results: a start instant and, among equal starts, an id (ordinal).</summary>
/// <param name="Start">The start instant of the last item read.</param>
/// <param name="Id">Its id.</param>
public readonly record struct SessionPosition(Instant Start, string Id);
