using Microsoft.Extensions.DependencyInjection;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary><c>AddScheduling</c> registers the workspace API and its directory next to the sessions API.</summary>
public sealed class WorkspaceRegistrationTest
{
    [Fact]
    public void The_workspace_sessions_api_is_registered_as_one_instance()
    {
        using var provider = new ServiceCollection().AddScheduling().BuildServiceProvider();

        var service = provider.GetRequiredService<WorkspaceSessionService>();

        service.Should().BeSameAs(provider.GetRequiredService<WorkspaceSessionService>());
    }

    [Fact]
    public void By_default_one_in_memory_directory_is_registered_as_itself_and_as_the_directory()
    {
        using var provider = new ServiceCollection().AddScheduling().BuildServiceProvider();

        var directory = provider.GetRequiredService<InMemoryWorkspaceDirectory>();

        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeSameAs(directory);
        provider.GetRequiredService<InMemoryWorkspaceDirectory>().Should().BeSameAs(directory);
    }

    [Fact]
    public async Task A_workspace_the_host_adds_to_the_default_directory_is_the_one_the_directory_finds()
    {
        using var provider = new ServiceCollection().AddScheduling().BuildServiceProvider();
        var clinic = new Workspace("clinic", DateTimeZoneProviders.Tzdb["America/New_York"]);

        provider.GetRequiredService<InMemoryWorkspaceDirectory>().AddOrReplaceWorkspace(clinic);

        (await provider.GetRequiredService<IWorkspaceDirectory>().FindWorkspaceAsync("clinic", default)).Should().BeSameAs(clinic);
    }

    [Fact]
    public void UseWorkspaceDirectory_replaces_the_default_directory()
    {
        var directory = new InMemoryWorkspaceDirectory();
        using var provider = new ServiceCollection().AddScheduling(s => s.UseWorkspaceDirectory(directory)).BuildServiceProvider();

        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeSameAs(directory);
        provider.GetService<InMemoryWorkspaceDirectory>().Should().BeNull("the host's directory replaces the default, which is then not registered");
        provider.GetRequiredService<WorkspaceSessionService>().Should().NotBeNull();
    }

    [Fact]
    public void UseWorkspaceDirectory_takes_a_factory_run_against_the_host_services()
    {
        var directory = new InMemoryWorkspaceDirectory();
        using var provider = new ServiceCollection()
            .AddSingleton(directory)
            .AddScheduling(s => s.UseWorkspaceDirectory(services => services.GetRequiredService<InMemoryWorkspaceDirectory>()))
            .BuildServiceProvider();

        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeSameAs(directory);
    }

    [Fact]
    public void UseWorkspaceDirectory_needs_a_directory()
    {
        var useInstance = () => new ServiceCollection().AddScheduling(s => s.UseWorkspaceDirectory((IWorkspaceDirectory)null!));
        var useFactory = () => new ServiceCollection().AddScheduling(s => s.UseWorkspaceDirectory((Func<IServiceProvider, IWorkspaceDirectory>)null!));

        useInstance.Should().Throw<ArgumentNullException>();
        useFactory.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_directory_the_host_registered_first_is_the_one_used()
    {
        var directory = new InMemoryWorkspaceDirectory();
        using var provider = new ServiceCollection().AddSingleton<IWorkspaceDirectory>(directory).AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeSameAs(directory);
    }

    [Fact]
    public void Registering_twice_changes_nothing()
    {
        var services = new ServiceCollection().AddScheduling().AddScheduling();

        services.Count(d => d.ServiceType == typeof(WorkspaceSessionService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IWorkspaceDirectory)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(InMemoryWorkspaceDirectory)).Should().Be(1);
    }

    [Fact]
    public void Registering_twice_still_resolves_one_directory_and_one_service()
    {
        using var provider = new ServiceCollection().AddScheduling().AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<IWorkspaceDirectory>().Should().BeSameAs(provider.GetRequiredService<InMemoryWorkspaceDirectory>());
        provider.GetServices<WorkspaceSessionService>().Should().ContainSingle();
    }
}
