namespace Scheduling.Cli.Expansion;

/// <summary>
/// The bounds every request is held to, so one bad request cannot exhaust memory or time: a request that would
/// exceed one fails with a message instead.
/// </summary>
internal static class ExpansionLimits
{
    /// <summary>The most occurrences one request may produce: 100,000 (about 2.5 MB of output text).</summary>
    public const int MaxOccurrences = 100_000;

    /// <summary>The longest window a request may ask for, in calendar years of its time zone: 100.</summary>
    public const int MaxWindowYears = 100;

    /// <summary>
    /// How long one request may expand, in milliseconds, unless <c>--budget</c> says otherwise: 2,000. Every request
    /// within the other limits takes far less; a request that runs out gets an error and the stream goes on.
    /// </summary>
    public const int DefaultBudgetMilliseconds = 2_000;

    /// <summary>The largest budget <c>--budget</c> accepts, in milliseconds: one hour.</summary>
    public const int MaxBudgetMilliseconds = 3_600_000;
}
