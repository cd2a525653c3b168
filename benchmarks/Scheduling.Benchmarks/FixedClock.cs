using NodaTime;

namespace Scheduling.Benchmarks;

/// <summary>A clock that always reads one instant, so that every run of a benchmark sees the same "now".</summary>
/// <param name="now">The instant the clock reads.</param>
internal sealed class FixedClock(Instant now) : IClock
{
    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}
