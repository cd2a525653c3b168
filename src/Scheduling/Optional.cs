namespace Scheduling;

/// <summary>
/// A value that may or may not be given: lets a change request tell "leave as it is" (not given) from "set to
/// null" (given as null). Converts implicitly from <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The type of value.</typeparam>
public readonly struct Optional<T>
{
    private readonly T _value;

    /// <summary>Creates a given value.</summary>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Gets a value indicating whether a value was given.</summary>
    public bool HasValue { get; }

    /// <summary>Gets the value.</summary>
    /// <exception cref="InvalidOperationException">No value was given.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("No value was given.");

    /// <summary>Wraps a given value.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>The given value, or <paramref name="current"/> when none was given.</summary>
    public T Or(T current) => HasValue ? _value : current;
}
