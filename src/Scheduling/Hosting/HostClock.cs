using NodaTime;

namespace Scheduling.Hosting;

/// <summary>
/// The clock the composition root registers when the host registered none. The one place in the library that reads
/// the system clock; everything else receives an <see cref="IClock"/>.
/// </summary>
internal static class HostClock
{
    /// <summary>The system clock.</summary>
    public static IClock Default => SystemClock.Instance;
}
