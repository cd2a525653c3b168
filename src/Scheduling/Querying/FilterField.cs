using System.Buffers;
using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Querying;

/// <summary>
/// A field the filter language may name for items of type <typeparamref name="TItem"/>: its name, its kind (which
/// decides the operators it accepts), and how to read it from an item. Immutable.
/// </summary>
/// <typeparam name="TItem">The type of item filtered.</typeparam>
public sealed class FilterField<TItem>
{
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    private FilterField(string name, FilterFieldKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > FilterLimits.MaxFieldNameLength || !char.IsAsciiLetter(name[0])
            || name.AsSpan().IndexOfAnyExcept(NameCharacters) >= 0)
        {
            throw new ArgumentException(
                $"A field name is 1 to {FilterLimits.MaxFieldNameLength} ASCII letters, digits, '.', '_' or '-', starting with a letter; '{name}' is not.",
                nameof(name));
        }

        Name = name;
        Kind = kind;
    }

    /// <summary>Gets the field's name in the query language.</summary>
    public string Name { get; }

    /// <summary>Gets the field's kind.</summary>
    public FilterFieldKind Kind { get; }

    /// <summary>Gets the allowed values of a choice field, upper case.</summary>
    public ImmutableArray<string> Choices { get; private init; } = [];

    internal Func<TItem, string?>? ReadText { get; private init; }

    internal Func<TItem, IEnumerable<string>>? ReadTextList { get; private init; }

    internal Func<TItem, long?>? ReadNumber { get; private init; }

    internal Func<TItem, Instant?>? ReadInstant { get; private init; }

    /// <summary>What the field's values are, for messages: "a string", "a whole number", "an ISO 8601 instant string".</summary>
    internal string ValueDescription => Kind switch
    {
        FilterFieldKind.Integer => "a whole number",
        FilterFieldKind.Instant => "an ISO 8601 instant string",
        _ => "a string",
    };

    /// <summary>A string field.</summary>
    public static FilterField<TItem> Text(string name, Func<TItem, string?> read) => new(name, FilterFieldKind.Text) { ReadText = read };

    /// <summary>A field with a fixed set of string values.</summary>
    public static FilterField<TItem> Choice(string name, IEnumerable<string> choices, Func<TItem, string> read) =>
        new(name, FilterFieldKind.Choice) { Choices = [.. choices.Select(c => c.ToUpperInvariant())], ReadText = read };

    /// <summary>A list-of-strings field.</summary>
    public static FilterField<TItem> TextList(string name, Func<TItem, IEnumerable<string>> read) => new(name, FilterFieldKind.TextList) { ReadTextList = read };

    /// <summary>A whole-number field.</summary>
    public static FilterField<TItem> Integer(string name, Func<TItem, long?> read) => new(name, FilterFieldKind.Integer) { ReadNumber = read };

    /// <summary>An instant field.</summary>
    public static FilterField<TItem> Instant(string name, Func<TItem, Instant?> read) => new(name, FilterFieldKind.Instant) { ReadInstant = read };

    /// <summary>Whether the field accepts <paramref name="op"/>.</summary>
    public bool Allows(FilterOperator op) => Kind switch
    {
        FilterFieldKind.Text => op is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.In or FilterOperator.Nin or FilterOperator.Exists,
        FilterFieldKind.Choice => op is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.In or FilterOperator.Nin,
        FilterFieldKind.TextList => op is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.HasSome or FilterOperator.HasAll or FilterOperator.Exists,
        FilterFieldKind.Integer => op != FilterOperator.HasSome && op != FilterOperator.HasAll,
        _ => op is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte,
    };

    internal bool Matches(TItem item, FilterNode.Condition condition) => Kind switch
    {
        FilterFieldKind.Text or FilterFieldKind.Choice => MatchText(ReadText!(item), condition),
        FilterFieldKind.TextList => MatchList(ReadTextList!(item), condition.Operator, condition.Values),
        FilterFieldKind.Integer => MatchOrdered(ReadNumber!(item), condition.Operator, condition.Values, v => v.Number),
        _ => MatchOrdered(ReadInstant!(item), condition.Operator, condition.Values, v => v.Instant),
    };

    private static bool MatchText(string? actual, FilterNode.Condition condition) => condition.Operator switch
    {
        FilterOperator.Eq => actual == condition.Values[0].Text,
        FilterOperator.Ne => actual != condition.Values[0].Text,
        FilterOperator.In => actual is not null && HoldsText(condition, actual),
        FilterOperator.Nin => actual is null || !HoldsText(condition, actual),
        FilterOperator.Exists => (actual is not null) == condition.Values[0].Flag,
        _ => false,
    };

    private static bool HoldsText(FilterNode.Condition condition, string text)
    {
        if (condition.TextSet is { } set)
        {
            return set.Contains(text);
        }

        foreach (var value in condition.Values)
        {
            if (string.Equals(value.Text, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchList(IEnumerable<string> actual, FilterOperator op, ImmutableArray<FilterValue> values)
    {
        var items = actual as ICollection<string> ?? [.. actual];
        switch (op)
        {
            case FilterOperator.Eq:
                return items.Contains(values[0].Text!);
            case FilterOperator.Ne:
                return !items.Contains(values[0].Text!);
            case FilterOperator.HasSome:
                foreach (var value in values)
                {
                    if (items.Contains(value.Text!))
                    {
                        return true;
                    }
                }

                return false;
            case FilterOperator.HasAll:
                foreach (var value in values)
                {
                    if (!items.Contains(value.Text!))
                    {
                        return false;
                    }
                }

                return true;
            case FilterOperator.Exists:
                return (items.Count > 0) == values[0].Flag;
            default:
                return false;
        }
    }

    private static bool MatchOrdered<T>(T? actual, FilterOperator op, ImmutableArray<FilterValue> values, Func<FilterValue, T?> read)
        where T : struct, IComparable<T>
    {
        if (op == FilterOperator.Exists)
        {
            return actual.HasValue == values[0].Flag;
        }

        if (op is FilterOperator.In or FilterOperator.Nin)
        {
            var found = false;
            if (actual is T wanted)
            {
                foreach (var value in values)
                {
                    if (read(value) is T candidate && candidate.CompareTo(wanted) == 0)
                    {
                        found = true;
                        break;
                    }
                }
            }

            return op == FilterOperator.In ? found : !found;
        }

        if (actual is not T left || read(values[0]) is not T right)
        {
            return op == FilterOperator.Ne;
        }

        var order = left.CompareTo(right);
        return op switch
        {
            FilterOperator.Eq => order == 0,
            FilterOperator.Ne => order != 0,
            FilterOperator.Gt => order > 0,
            FilterOperator.Gte => order >= 0,
            FilterOperator.Lt => order < 0,
            FilterOperator.Lte => order <= 0,
            _ => false,
        };
    }
}
