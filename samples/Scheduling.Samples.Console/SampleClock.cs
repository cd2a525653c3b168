using NodaTime;

namespace Scheduling.Samples.Console;

/// <summary>A clock fixed at one instant, so the sample prints the same thing every time it runs.</summary>
internal sealed class SampleClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
