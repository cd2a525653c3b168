using Microsoft.Extensions.DependencyInjection;

// Outside the Scheduling namespaces on purpose, with no using but the one every .NET host has: AddScheduling and the
// builder's methods are found as a new host finds them.
namespace ANewHost;

public sealed class RegistrationNamespaceTest
{
    [Fact]
    public void AddScheduling_and_its_builder_need_only_the_dependency_injection_using()
    {
        using var provider = new ServiceCollection()
            .AddScheduling(s => s.UseInMemoryStore().WithOptions(new Scheduling.SchedulingOptions { SnapshotNamesAtBooking = true }))
            .BuildServiceProvider();

        provider.GetRequiredService<Scheduling.Sessions.SessionService>().Should().NotBeNull();
        typeof(SchedulingServiceCollectionExtensions).Namespace.Should().Be("Microsoft.Extensions.DependencyInjection");
        typeof(SchedulingBuilder).Namespace.Should().Be("Microsoft.Extensions.DependencyInjection");
    }
}
