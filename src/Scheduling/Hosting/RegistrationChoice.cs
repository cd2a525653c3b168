namespace Scheduling.Hosting;

/// <summary>
/// One thing an <c>AddScheduling</c> call chooses (its stores, its options, its workspace directory): what an error
/// calls it, and what makes two choices the same.
/// </summary>
internal sealed class RegistrationChoice
{
    public RegistrationChoice(string description, object identity, bool isExplicit)
    {
        Description = description;
        Identity = identity;
        IsExplicit = isExplicit;
    }

    /// <summary>Gets what the choice is, as an error names it ("SQLite file '/data/calendar.db'").</summary>
    public string Description { get; }

    /// <summary>Gets what two choices compare (<see cref="object.Equals(object?)"/>): same identity, same choice.</summary>
    public object Identity { get; }

    /// <summary>Gets a value indicating whether the call asked for it (rather than taking the default).</summary>
    public bool IsExplicit { get; }

    /// <summary>Whether this and <paramref name="other"/> choose the same thing.</summary>
    public bool IsSameAs(RegistrationChoice other) => Equals(Identity, other.Identity);
}
