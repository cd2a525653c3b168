namespace Scheduling.Querying;

/// <summary>The type of a filterable field, which decides the operators and values it accepts.</summary>
public enum FilterFieldKind
{
    /// <summary>A string: <c>$eq $ne $in $nin $exists</c>.</summary>
    Text,

    /// <summary>A string from a fixed set (an enum): <c>$eq $ne $in $nin</c>; values are case-insensitive.</summary>
    Choice,

    /// <summary>A list of strings: <c>$eq $ne $hasSome $hasAll $exists</c> (<c>$eq</c> means "contains").</summary>
    TextList,

    /// <summary>A whole number: <c>$eq $ne $in $nin $gt $gte $lt $lte $exists</c>.</summary>
    Integer,

    /// <summary>An instant in ISO 8601 (<c>2025-01-06T09:00:00Z</c>): <c>$eq $ne $gt $gte $lt $lte</c>.</summary>
    Instant,
}
