using System.Collections.Immutable;

namespace Scheduling;

/// <summary>
/// The backing field of a list property on a record: an <see cref="ImmutableArray{T}"/> that compares by its items,
/// so the equality the compiler writes for a record includes the contents of its lists (an immutable array alone
/// compares by reference). A list left unset (default) equals an empty one.
/// </summary>
/// <typeparam name="T">The type of item.</typeparam>
internal readonly struct ValueArray<T> : IEquatable<ValueArray<T>>
{
    /// <summary>Wraps <paramref name="items"/>.</summary>
    public ValueArray(ImmutableArray<T> items) => Items = items;

    /// <summary>Gets the items.</summary>
    public ImmutableArray<T> Items { get; }

    /// <summary>Whether both hold equal items in the same order.</summary>
    public static bool operator ==(ValueArray<T> left, ValueArray<T> right) => left.Equals(right);

    /// <summary>Whether the two differ in an item or in their order.</summary>
    public static bool operator !=(ValueArray<T> left, ValueArray<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ValueArray<T> other) => Items.AsSpan().SequenceEqual(other.Items.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items.AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
