using Microsoft.Extensions.DependencyInjection;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Hosting;

public sealed class AddSchedulingTest
{
    [Fact]
    public void By_default_the_sessions_api_runs_on_the_in_memory_stores()
    {
        using var provider = new ServiceCollection().AddScheduling().BuildServiceProvider();

        provider.GetRequiredService<ISessionStore>().Should().BeOfType<InMemorySessionStore>();
        provider.GetRequiredService<IRecurringSessionStore>().Should().BeOfType<InMemoryRecurringSessionStore>();
        provider.GetRequiredService<SessionService>().Should().BeSameAs(provider.GetRequiredService<SessionService>());
    }

    [Fact]
    public void Registering_twice_changes_nothing()
    {
        var services = new ServiceCollection().AddScheduling().AddScheduling();

        services.Count(d => d.ServiceType == typeof(SessionService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(ISessionStore)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IClock)).Should().Be(1);
    }

    [Fact]
    public async Task A_clock_the_host_registered_first_is_the_one_used()
    {
        var clock = new FakeClock(Instant.FromUtc(2031, 5, 1, 12, 0));
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddScheduling().BuildServiceProvider();

        var created = await provider.GetRequiredService<SessionService>().CreateSessionAsync(Scheduling.Security.CallerContext.Host("t"), new NewSession
        {
            ScheduleId = "s",
            ScheduleOwnerId = "o",
            Start = CalendarDateTime.AtInstant(Instant.FromUtc(2031, 6, 1, 9, 0)),
            End = CalendarDateTime.AtInstant(Instant.FromUtc(2031, 6, 1, 10, 0)),
        });

        created.CreatedAt.Should().Be(clock.Now);
    }

    [Fact]
    public void Invalid_options_fail_at_registration_with_a_clear_message()
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.WithOptions(new SchedulingOptions { DefaultPageSize = 5_000 }));

        act.Should().Throw<ArgumentException>().WithMessage("*DefaultPageSize*MaxPageSize*");
    }

    [Fact]
    public void A_store_package_plugs_in_through_UseStores()
    {
        var sessions = new InMemorySessionStore();
        var series = new InMemoryRecurringSessionStore();
        using var provider = new ServiceCollection().AddScheduling(s => s.UseStores(_ => sessions, _ => series)).BuildServiceProvider();

        provider.GetRequiredService<ISessionStore>().Should().BeSameAs(sessions);
        provider.GetRequiredService<IRecurringSessionStore>().Should().BeSameAs(series);
    }
}
