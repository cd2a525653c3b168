using NodaTime;

namespace Scheduling.Querying;

/// <summary>One value in a filter condition, already converted to its field's type. Immutable.</summary>
public readonly record struct FilterValue
{
    /// <summary>Gets the value of a text, choice or text-list field.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the value of an integer field.</summary>
    public long? Number { get; init; }

    /// <summary>Gets the value of an instant field.</summary>
    public Instant? Instant { get; init; }

    /// <summary>Gets the value of <c>$exists</c>.</summary>
    public bool? Flag { get; init; }

    /// <summary>A text value.</summary>
    public static FilterValue Of(string text) => new() { Text = text };

    /// <summary>A whole-number value.</summary>
    public static FilterValue Of(long number) => new() { Number = number };

    /// <summary>An instant value.</summary>
    public static FilterValue Of(Instant instant) => new() { Instant = instant };

    /// <summary>A flag, for <c>$exists</c>.</summary>
    public static FilterValue Of(bool flag) => new() { Flag = flag };
}
