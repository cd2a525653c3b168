using System.Collections.Immutable;
using Scheduling.Querying;

namespace Scheduling.Tests.Querying.Properties;

/// <summary>
/// Random filter trees a schema accepts, up to a size and a depth: every field, every operator its kind allows,
/// values of the right kind (text with characters that need escaping, the widest instants), and combinations of
/// <c>$and</c>, <c>$or</c>, <c>$not</c> and the empty filter. The tree's <see cref="FilterNode.Size"/> never passes
/// the budget it is given, and its text stays within <see cref="FilterLimits.MaxTextLength"/>.
/// </summary>
internal sealed class FilterTrees<TItem>(FilterSchema<TItem> schema, Random random)
{
    private static readonly string[] Pieces = ["a", "Yoga", "b", "\"", "\\", "\u0001", "é", "\uD83D\uDE00", "<", " ", "$", "{}", "\u2028", "z9"];
    private readonly FilterField<TItem>[] _fields = [.. schema.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
    private int _textLeft = FilterLimits.MaxTextLength;

    /// <summary>A tree of at most <paramref name="size"/> nodes and values, at most <paramref name="depth"/> deep.</summary>
    public FilterNode Next(int size, int depth)
    {
        _textLeft = FilterLimits.MaxTextLength;
        return Tree(Math.Min(size, FilterLimits.MaxNodes), Math.Min(depth, FilterLimits.MaxDepth));
    }

    private FilterNode Tree(int size, int depth)
    {
        if (depth == 0 || size < 3 || random.Next(5) == 0)
        {
            return Leaf(size);
        }

        switch (random.Next(6))
        {
            case 0:
                return new FilterNode.Not(Tree(size - 1, depth - 1));
            case 1:
                return new FilterNode.AllOf([]);
            default:
                var parts = Split(size - 1, random.Next(1, Math.Min(size - 1, 8) + 1));
                ImmutableArray<FilterNode> children = [.. parts.Select(p => Tree(p, depth - 1))];
                return random.Next(2) == 0 ? new FilterNode.AllOf(children) : new FilterNode.AnyOf(children);
        }
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="count"/> parts of at least one, the first ones often large.</summary>
    private int[] Split(int total, int count)
    {
        var parts = new int[count];
        var left = total;
        for (var i = 0; i < count; i++)
        {
            var mustLeave = count - i - 1;
            parts[i] = i == count - 1 ? left : random.Next(1, left - mustLeave + 1);
            left -= parts[i];
        }

        return parts;
    }

    private FilterNode Leaf(int size)
    {
        if (size < 2)
        {
            return new FilterNode.AllOf([]);
        }

        var field = _fields[random.Next(_fields.Length)];
        var operators = Enum.GetValues<FilterOperator>().Where(field.Allows).ToArray();
        var op = operators[random.Next(operators.Length)];
        if (op == FilterOperator.Exists)
        {
            return new FilterNode.Condition(field.Name, op, [FilterValue.Of(random.Next(2) == 0)]);
        }

        var takesList = op is FilterOperator.In or FilterOperator.Nin or FilterOperator.HasSome or FilterOperator.HasAll;
        var count = takesList ? random.Next(1, Math.Min(size - 1, random.Next(4) == 0 ? 400 : 6) + 1) : 1;
        return new FilterNode.Condition(field.Name, op, [.. Enumerable.Range(0, count).Select(_ => Value(field))]);
    }

    private FilterValue Value(FilterField<TItem> field) => field.Kind switch
    {
        FilterFieldKind.Choice => FilterValue.Of(field.Choices[random.Next(field.Choices.Length)]),
        FilterFieldKind.Integer => FilterValue.Of(random.Next(4) switch
        {
            0 => long.MinValue,
            1 => long.MaxValue,
            _ => random.NextInt64(-1_000, 1_000),
        }),
        FilterFieldKind.Instant => FilterValue.Of(random.Next(4) switch
        {
            0 => Instant.MinValue + Duration.FromNanoseconds(random.Next(1_000_000_000)),
            1 => Instant.MaxValue - Duration.FromNanoseconds(random.Next(1_000_000_000)),
            _ => Instant.FromUtc(2025, 3, 1, 0, 0) + Duration.FromNanoseconds(random.NextInt64(-86_400_000_000_000_000, 86_400_000_000_000_000)),
        }),
        _ => FilterValue.Of(Text()),
    };

    private string Text()
    {
        var length = random.Next(10) == 0 ? random.Next(FilterLimits.MaxValueLength + 1) : random.Next(8);
        length = Math.Min(length, _textLeft);
        var text = new System.Text.StringBuilder(length + 2);
        while (text.Length < length)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            if (text.Length + piece.Length > length)
            {
                piece = "x";
            }

            text.Append(piece);
        }

        _textLeft -= text.Length;
        return text.ToString();
    }
}
