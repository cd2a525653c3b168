using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Hosting;

/// <summary>
/// A second <c>AddScheduling</c> that asks for what the first registered changes nothing; one that asks for something
/// else is refused at registration, rather than one of the two kept silently.
/// </summary>
public sealed class SecondRegistrationTest
{
    private static readonly Func<IServiceProvider, ISessionStore> SessionStore = _ => new InMemorySessionStore();
    private static readonly Func<IServiceProvider, IRecurringSessionStore> SeriesStore = _ => new InMemoryRecurringSessionStore();

    [Fact]
    public void A_second_call_that_asks_for_other_stores_is_refused_naming_both()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UseStores(SessionStore, SeriesStore));

        act.Should().Throw<ArgumentException>().WithMessage(
            "AddScheduling was called again, asking for a different registration: the first registered the in-memory stores (the default) as its stores, "
            + "this call asks for the stores given to UseStores. Call AddScheduling once, or the same way every time.*");
    }

    [Fact]
    public void A_second_call_that_leaves_the_stores_to_the_default_after_a_choice_is_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UseStores(SessionStore, SeriesStore));

        var act = () => services.AddScheduling();

        act.Should().Throw<ArgumentException>().WithMessage("*the first registered the stores given to UseStores as its stores, this call asks for the in-memory stores (the default)*");
    }

    [Fact]
    public void The_refused_call_registers_nothing()
    {
        var services = new ServiceCollection().AddScheduling();
        var before = services.Count;

        var act = () => services.AddScheduling(s => s.UseStores(SessionStore, SeriesStore));

        act.Should().Throw<ArgumentException>();
        services.Should().HaveCount(before);
    }

    [Fact]
    public void The_same_stores_twice_change_nothing()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UseStores(SessionStore, SeriesStore));
        var before = services.Count;

        services.AddScheduling(s => s.UseStores(SessionStore, SeriesStore));

        services.Should().HaveCount(before);
    }

    [Fact]
    public void The_in_memory_store_asked_for_by_name_is_the_default()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UseInMemoryStore());

        act.Should().NotThrow();
    }

    [Fact]
    public void Equal_options_twice_change_nothing_and_other_options_are_refused()
    {
        var services = new ServiceCollection().AddScheduling(s => s.WithOptions(new SchedulingOptions { MaxPageSize = 500, CursorKey = new byte[32] }));

        var same = () => services.AddScheduling(s => s.WithOptions(new SchedulingOptions { MaxPageSize = 500, CursorKey = new byte[32] }));
        var other = () => services.AddScheduling(s => s.WithOptions(new SchedulingOptions { MaxPageSize = 500, CursorKey = Enumerable.Repeat((byte)1, 32).ToArray() }));

        same.Should().NotThrow();
        other.Should().Throw<ArgumentException>().WithMessage("*the first registered the options given to WithOptions as its options, this call asks for the options given to WithOptions*");
    }

    [Fact]
    public void The_default_options_are_equal_to_new_options()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.WithOptions(new SchedulingOptions()));

        act.Should().NotThrow();
    }

    [Fact]
    public void The_same_configuration_section_twice_changes_nothing_and_another_section_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:MaxPageSize"] = "500" }).Build();
        var services = new ServiceCollection().AddScheduling(configuration.GetSection("Scheduling"));

        var same = () => services.AddScheduling(configuration.GetSection("scheduling"));
        var other = () => services.AddScheduling(configuration.GetSection("Calendar"));
        var none = () => services.AddScheduling();

        same.Should().NotThrow("configuration keys ignore case");
        other.Should().Throw<ArgumentException>().WithMessage(
            "*the first registered the options in configuration section 'Scheduling' over the default options as its options, "
            + "this call asks for the options in configuration section 'Calendar' over the default options*");
        none.Should().Throw<ArgumentException>().WithMessage("*this call asks for the default options*");
    }

    [Fact]
    public void Another_workspace_directory_is_refused()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UseWorkspaceDirectory(new InMemoryWorkspaceDirectory()));

        act.Should().Throw<ArgumentException>().WithMessage(
            "*the first registered the in-memory workspace directory (the default) as its workspace directory, "
            + "this call asks for the workspace directory InMemoryWorkspaceDirectory given to UseWorkspaceDirectory*");
    }

    [Fact]
    public void The_same_workspace_directory_twice_changes_nothing()
    {
        var directory = new InMemoryWorkspaceDirectory();
        var services = new ServiceCollection().AddScheduling(s => s.UseWorkspaceDirectory(directory));

        var act = () => services.AddScheduling(s => s.UseWorkspaceDirectory(directory));

        act.Should().NotThrow();
    }

    [Fact]
    public void Every_difference_is_named_at_once()
    {
        var services = new ServiceCollection().AddScheduling();

        var act = () => services.AddScheduling(s => s.UseStores(SessionStore, SeriesStore).WithOptions(new SchedulingOptions { MaxPageSize = 10, DefaultPageSize = 10, DefaultAttendancePageSize = 10 }));

        act.Should().Throw<ArgumentException>().WithMessage("*as its stores*; *as its options*");
    }

    [Fact]
    public void Stores_the_host_registered_first_conflict_with_stores_the_call_chooses()
    {
        var services = new ServiceCollection().AddSingleton<ISessionStore>(new InMemorySessionStore());

        var act = () => services.AddScheduling(s => s.UseStores(SessionStore, SeriesStore));

        act.Should().Throw<ArgumentException>().WithMessage(
            "AddScheduling cannot register over what the service collection already has: it asks for the stores given to UseStores, "
            + "but ISessionStore is already registered (InMemorySessionStore)*");
    }

    [Fact]
    public void Stores_the_host_registered_first_win_over_the_default()
    {
        var sessions = new InMemorySessionStore();
        using var provider = new ServiceCollection().AddSingleton<ISessionStore>(sessions).AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<ISessionStore>().Should().BeSameAs(sessions);
    }

    [Fact]
    public void An_attendance_store_the_host_registered_first_stays_when_the_call_chooses_only_session_stores()
    {
        var attendance = new InMemoryAttendanceStore();
        using var provider = new ServiceCollection()
            .AddSingleton<IAttendanceStore>(attendance)
            .AddScheduling(s => s.UseStores(SessionStore, SeriesStore))
            .BuildServiceProvider();

        provider.GetRequiredService<IAttendanceStore>().Should().BeSameAs(attendance);
    }

    [Fact]
    public void A_directory_the_host_registered_first_conflicts_with_one_the_call_chooses()
    {
        var services = new ServiceCollection().AddSingleton<IWorkspaceDirectory>(new InMemoryWorkspaceDirectory());

        var act = () => services.AddScheduling(s => s.UseWorkspaceDirectory(new InMemoryWorkspaceDirectory()));

        act.Should().Throw<ArgumentException>().WithMessage("*IWorkspaceDirectory is already registered (InMemoryWorkspaceDirectory)*");
    }

    [Fact]
    public void Options_registered_as_a_service_are_refused_rather_than_ignored()
    {
        var services = new ServiceCollection().AddSingleton(new SchedulingOptions { MaxPageSize = 10 });

        var act = () => services.AddScheduling();

        act.Should().Throw<ArgumentException>().WithMessage("*SchedulingOptions is registered as a service (SchedulingOptions), but the services read IOptions<SchedulingOptions>*");
    }

    [Fact]
    public void A_store_package_that_describes_its_stores_is_the_same_registration_when_the_descriptions_match()
    {
        var services = new ServiceCollection().AddScheduling(s => s.UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore()).DescribeStores("Test file 'a.db'"));

        var same = () => services.AddScheduling(s => s.UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore()).DescribeStores("Test file 'a.db'"));
        var other = () => services.AddScheduling(s => s.UseStores(_ => new InMemorySessionStore(), _ => new InMemoryRecurringSessionStore()).DescribeStores("Test file 'b.db'"));

        same.Should().NotThrow();
        other.Should().Throw<ArgumentException>().WithMessage("*the first registered Test file 'a.db' as its stores, this call asks for Test file 'b.db'*");
    }

    [Fact]
    public void Registering_twice_the_same_way_still_validates_options_once_on_start()
    {
        var services = new ServiceCollection().AddScheduling().AddScheduling();

        services.Count(d => d.ServiceType == typeof(IValidateOptions<SchedulingOptions>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IOptionsFactory<SchedulingOptions>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(SessionService)).Should().Be(1);
    }
}
