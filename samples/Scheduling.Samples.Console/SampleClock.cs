using NodaTime;

namespace Scheduling.Samples.Console;

/// <summary>
/// A clock that stands still at one instant, so the sample prints the same thing every time it runs; a tour moves it
/// on by hand when it wants time to pass.
/// </summary>
internal sealed class SampleClock(Instant now) : IClock
{
    private Instant _now = now;

    public Instant GetCurrentInstant() => _now;

    /// <summary>Moves the clock to <paramref name="instant"/>.</summary>
    public void MoveTo(Instant instant) => _now = instant;
}
