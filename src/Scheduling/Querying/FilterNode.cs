using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Scheduling.Querying;

/// <summary>
/// A filter as a tree: conditions on fields joined by <c>$and</c>, <c>$or</c> and <c>$not</c>. Immutable, with
/// structural equality; <see cref="ToString"/> writes the canonical JSON.
/// </summary>
/// <remarks>
/// A node checks its shape and the <see cref="FilterLimits"/> when it is made (a <c>with</c> expression included), from
/// the measures its children already hold, so building a tree costs its size once and every tree that exists is within
/// the limits: no tree is deeper than <see cref="FilterLimits.MaxDepth"/>, so nothing that walks one can run out of
/// stack. Which fields, operators and values a tree may use is checked by the <see cref="FilterSchema{TItem}"/> of
/// the items it filters.
/// </remarks>
/// <exception cref="SchedulingException">
/// From the constructors: invalid argument on <c>filter</c> for a missing part (a null child or field name, a default
/// array, an empty <c>$or</c>, an undefined operator, text that is not valid UTF-16); limit exceeded on <c>filter</c> for a tree over <see cref="FilterLimits"/>.
/// </exception>
public abstract record FilterNode
{
    private int _size;
    private int _depth;
    private int _textLength;
    private int _hash;

    private protected FilterNode()
    {
    }

    /// <summary>Gets how many nodes and values the tree holds, as <see cref="FilterLimits.MaxNodes"/> counts them.</summary>
    public int Size => _size;

    /// <summary>Gets how deep the tree is, as <see cref="FilterLimits.MaxDepth"/> counts it (0 for a condition or the empty filter).</summary>
    public int Depth => _depth;

    /// <summary>Gets how many characters the tree's string values hold together, as <see cref="FilterLimits.MaxTextLength"/> counts them.</summary>
    public int TextLength => _textLength;

    /// <summary>Whether any condition in the tree is on <paramref name="field"/>.</summary>
    public bool Mentions(string field) => this switch
    {
        AllOf all => Any(all.Children, field),
        AnyOf any => Any(any.Children, field),
        Not not => not.Child.Mentions(field),
        Condition condition => condition.Field == field,
        _ => false,
    };

    /// <summary>The canonical JSON form of the tree, as a cursor carries it.</summary>
    public sealed override string ToString() => FilterJsonWriter.Write(this);

    private static bool Any(ImmutableArray<FilterNode> children, string field)
    {
        foreach (var child in children)
        {
            if (child.Mentions(field))
            {
                return true;
            }
        }

        return false;
    }

    private protected int Hash => _hash;

    private protected void Measure(long size, int depth, long textLength, int hash)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter nests {depth} levels deep; at most {FilterLimits.MaxDepth} are allowed.", "filter");
        }

        if (size > FilterLimits.MaxNodes)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter holds {size} nodes and values; at most {FilterLimits.MaxNodes} are allowed.", "filter");
        }

        if (textLength > FilterLimits.MaxTextLength)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter's values hold {textLength} characters; at most {FilterLimits.MaxTextLength} are allowed.", "filter");
        }

        _size = (int)size;
        _depth = depth;
        _textLength = (int)textLength;
        _hash = hash;
    }

    private static SchedulingException Missing(string message) => new(SchedulingErrorCode.InvalidArgument, message, "filter");

    private static ImmutableArray<FilterNode> CheckChildren(ImmutableArray<FilterNode> children, string name)
    {
        if (children.IsDefault)
        {
            throw Missing($"{name} was given a default array: pass the filters it combines.");
        }

        foreach (var child in children)
        {
            if (child is null)
            {
                throw Missing($"{name} holds a null filter.");
            }
        }

        return children;
    }

    private void MeasureGroup(ImmutableArray<FilterNode> children, int kind)
    {
        long size = 1;
        long text = 0;
        var depth = -1;
        var hash = new HashCode();
        hash.Add(kind);
        foreach (var child in children)
        {
            size += child.Size;
            text += child.TextLength;
            depth = Math.Max(depth, child.Depth);
            hash.Add(child.Hash);
        }

        Measure(size, depth + 1, text, hash.ToHashCode());
    }

    private static bool SameChildren(ImmutableArray<FilterNode> left, ImmutableArray<FilterNode> right) =>
        left.AsSpan().SequenceEqual(right.AsSpan());

    /// <summary>Every child must hold (<c>$and</c>; an empty one, the filter <c>{}</c>, always holds).</summary>
    public sealed record AllOf : FilterNode
    {
        private readonly ImmutableArray<FilterNode> _children;

        /// <summary>Creates a node that holds when every child holds.</summary>
        /// <param name="children">The conditions; none for the filter that admits everything.</param>
        public AllOf(ImmutableArray<FilterNode> children)
        {
            Children = children;
        }

        /// <summary>Gets the conditions.</summary>
        public ImmutableArray<FilterNode> Children
        {
            get => _children;
            init
            {
                _children = CheckChildren(value, "$and");
                MeasureGroup(value, 1);
            }
        }

        /// <summary>Deconstructs the node.</summary>
        /// <param name="children">The conditions.</param>
        public void Deconstruct(out ImmutableArray<FilterNode> children) => children = Children;

        /// <inheritdoc />
        public bool Equals(AllOf? other) => ReferenceEquals(this, other) || (other is not null && Hash == other.Hash && SameChildren(Children, other.Children));

        /// <inheritdoc />
        public override int GetHashCode() => Hash;
    }

    /// <summary>At least one child must hold (<c>$or</c>).</summary>
    public sealed record AnyOf : FilterNode
    {
        private readonly ImmutableArray<FilterNode> _children;

        /// <summary>Creates a node that holds when at least one child holds.</summary>
        /// <param name="children">The alternatives: one or more.</param>
        public AnyOf(ImmutableArray<FilterNode> children)
        {
            Children = children;
        }

        /// <summary>Gets the alternatives.</summary>
        public ImmutableArray<FilterNode> Children
        {
            get => _children;
            init
            {
                if (CheckChildren(value, "$or").IsEmpty)
                {
                    throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "$or needs at least one alternative.", "filter.$or");
                }

                _children = value;
                MeasureGroup(value, 2);
            }
        }

        /// <summary>Deconstructs the node.</summary>
        /// <param name="children">The alternatives.</param>
        public void Deconstruct(out ImmutableArray<FilterNode> children) => children = Children;

        /// <inheritdoc />
        public bool Equals(AnyOf? other) => ReferenceEquals(this, other) || (other is not null && Hash == other.Hash && SameChildren(Children, other.Children));

        /// <inheritdoc />
        public override int GetHashCode() => Hash;
    }

    /// <summary>The child must not hold (<c>$not</c>).</summary>
    public sealed record Not : FilterNode
    {
        private readonly FilterNode _child = null!;

        /// <summary>Creates a node that holds when its child does not.</summary>
        /// <param name="child">The negated condition.</param>
        public Not(FilterNode child)
        {
            Child = child;
        }

        /// <summary>Gets the negated condition.</summary>
        public FilterNode Child
        {
            get => _child;
            init
            {
                _child = value ?? throw Missing("$not holds a null filter.");
                Measure(value.Size + 1L, value.Depth + 1, value.TextLength, HashCode.Combine(3, value.Hash));
            }
        }

        /// <summary>Deconstructs the node.</summary>
        /// <param name="child">The negated condition.</param>
        public void Deconstruct(out FilterNode child) => child = Child;

        /// <inheritdoc />
        public bool Equals(Not? other) => ReferenceEquals(this, other) || (other is not null && Hash == other.Hash && Child.Equals(other.Child));

        /// <inheritdoc />
        public override int GetHashCode() => Hash;
    }

    /// <summary>A condition on one field.</summary>
    public sealed record Condition : FilterNode
    {
        /// <summary>The operand length from which text values are looked up in a set (<see cref="TextSet"/>).</summary>
        private const int TextSetThreshold = 16;

        private readonly string _field = "";
        private readonly FilterOperator _operator;
        private readonly ImmutableArray<FilterValue> _values = [];
        private FrozenSet<string>? _textSet;

        /// <summary>Creates a condition.</summary>
        /// <param name="field">The field's name, as in the query language.</param>
        /// <param name="operator">The operator.</param>
        /// <param name="values">The operand: one value, or several for <c>$in</c>, <c>$nin</c>, <c>$hasSome</c>, <c>$hasAll</c>.</param>
        public Condition(string field, FilterOperator @operator, ImmutableArray<FilterValue> values)
        {
            _field = CheckField(field);
            _operator = CheckOperator(@operator);
            Values = values;
        }

        /// <summary>Gets the field's name, as in the query language.</summary>
        public string Field
        {
            get => _field;
            init
            {
                _field = CheckField(value);
                MeasureCondition();
            }
        }

        /// <summary>Gets the operator.</summary>
        public FilterOperator Operator
        {
            get => _operator;
            init
            {
                _operator = CheckOperator(value);
                MeasureCondition();
            }
        }

        /// <summary>Gets the operand: one value, or several for <c>$in</c>, <c>$nin</c>, <c>$hasSome</c>, <c>$hasAll</c>.</summary>
        public ImmutableArray<FilterValue> Values
        {
            get => _values;
            init
            {
                _values = value.IsDefault ? throw Missing($"The condition on '{_field}' was given a default array of values.") : value;
                MeasureCondition();
            }
        }

        /// <summary>Deconstructs the condition.</summary>
        /// <param name="field">The field's name.</param>
        /// <param name="operator">The operator.</param>
        /// <param name="values">The operand.</param>
        public void Deconstruct(out string field, out FilterOperator @operator, out ImmutableArray<FilterValue> values)
        {
            field = Field;
            @operator = Operator;
            values = Values;
        }

        /// <summary>
        /// The text values as a set, for an operand long enough that looking each item up beats comparing it with
        /// every value; null for a short operand or one that holds other than text. Built once, on first use.
        /// </summary>
        internal FrozenSet<string>? TextSet
        {
            get
            {
                if (_values.Length < TextSetThreshold)
                {
                    return null;
                }

                var set = Volatile.Read(ref _textSet);
                if (set is null)
                {
                    set = _values.All(v => v.Text is not null) ? _values.Select(v => v.Text!).ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty;
                    Volatile.Write(ref _textSet, set);
                }

                return set.Count == 0 ? null : set;
            }
        }

        /// <inheritdoc />
        public bool Equals(Condition? other) =>
            ReferenceEquals(this, other)
            || (other is not null && Hash == other.Hash && Operator == other.Operator && string.Equals(Field, other.Field, StringComparison.Ordinal)
                && Values.AsSpan().SequenceEqual(other.Values.AsSpan()));

        /// <inheritdoc />
        public override int GetHashCode() => Hash;

        private static string CheckField(string field)
        {
            if (string.IsNullOrEmpty(field))
            {
                throw Missing("A condition needs a field name.");
            }

            if (field.Length > FilterLimits.MaxFieldNameLength)
            {
                throw Missing($"No field has a name of {field.Length} characters; field names are at most {FilterLimits.MaxFieldNameLength} long.");
            }

            if (FilterText.FindLoneSurrogate(field) is int at)
            {
                throw Missing($"The field name holds a lone surrogate at character {at}.");
            }

            return field;
        }

        private static FilterOperator CheckOperator(FilterOperator op) =>
            Enum.IsDefined(op) ? op : throw Missing($"{(int)op} is not a filter operator.");

        private void MeasureCondition()
        {
            long text = 0;
            var hash = new HashCode();
            hash.Add(4);
            hash.Add(_field, StringComparer.Ordinal);
            hash.Add(_operator);
            foreach (var value in _values)
            {
                if (value.Text is { } chars)
                {
                    if (chars.Length > FilterLimits.MaxValueLength)
                    {
                        throw new SchedulingException(
                            SchedulingErrorCode.LimitExceeded,
                            $"A value of '{_field}' is {chars.Length} characters long; at most {FilterLimits.MaxValueLength} are allowed.",
                            "filter");
                    }

                    if (FilterText.FindLoneSurrogate(chars) is int at)
                    {
                        throw Missing($"A value of '{_field}' holds a lone surrogate at character {at}.");
                    }

                    text += chars.Length;
                }

                hash.Add(value);
            }

            Measure(1L + _values.Length, 0, text, hash.ToHashCode());
        }
    }
}
