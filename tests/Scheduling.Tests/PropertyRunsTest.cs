using Scheduling.Testing;

namespace Scheduling.Tests;

/// <summary>The generated cases of a property are the same in every run of the same seed.</summary>
public sealed class PropertyRunsTest
{
    [Fact]
    public void A_salt_made_from_a_name_is_the_same_in_every_process() =>
        // FNV-1a of "Session"; string.GetHashCode would differ from one process to the next.
        PropertyRuns.SaltOf("Session").Should().Be(541_641_879);
}
