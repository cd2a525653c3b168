using System.Collections.Immutable;

namespace Scheduling.Querying;

/// <summary>A filter as a tree: conditions on fields joined by <c>$and</c>, <c>$or</c> and <c>$not</c>. Immutable.</summary>
public abstract record FilterNode
{
    private protected FilterNode()
    {
    }

    /// <summary>Every child must hold (<c>$and</c>; an empty one always holds).</summary>
    /// <param name="Children">The conditions.</param>
    public sealed record AllOf(ImmutableArray<FilterNode> Children) : FilterNode;

    /// <summary>At least one child must hold (<c>$or</c>).</summary>
    /// <param name="Children">The alternatives.</param>
    public sealed record AnyOf(ImmutableArray<FilterNode> Children) : FilterNode;

    /// <summary>The child must not hold (<c>$not</c>).</summary>
    /// <param name="Child">The negated condition.</param>
    public sealed record Not(FilterNode Child) : FilterNode;

    /// <summary>A condition on one field.</summary>
    /// <param name="Field">The field's name, as in the query language.</param>
    /// <param name="Operator">The operator.</param>
    /// <param name="Values">The operand: one value, or several for <c>$in</c>, <c>$nin</c>, <c>$hasSome</c>, <c>$hasAll</c>.</param>
    public sealed record Condition(string Field, FilterOperator Operator, ImmutableArray<FilterValue> Values) : FilterNode;

    /// <summary>Whether any condition in the tree is on <paramref name="field"/>.</summary>
    public bool Mentions(string field) => this switch
    {
        AllOf all => all.Children.Any(c => c.Mentions(field)),
        AnyOf any => any.Children.Any(c => c.Mentions(field)),
        Not not => not.Child.Mentions(field),
        Condition condition => condition.Field == field,
        _ => false,
    };
}
