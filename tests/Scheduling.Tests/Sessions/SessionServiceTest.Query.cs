using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>The limits of a query: its window and its page size. A window too long is an error, never cut short.</summary>
public sealed partial class SessionServiceTest
{
    [Fact]
    public async Task Window_longer_than_366_days_exceeds_the_limit()
    {
        var from = Time.Utc(2025, 1, 1);

        var error = await FailsAsync(() => QueryAsync(from, from + Duration.FromDays(366) + Duration.FromSeconds(1)), SchedulingErrorCode.LimitExceeded, "to");

        error.Message.Should().Contain("366");
    }

    [Fact]
    public async Task Window_of_366_days_is_allowed()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 12, 31, 10)));

        var page = await QueryAsync(Time.Utc(2025, 1, 1), Time.Utc(2025, 1, 1) + Duration.FromDays(366));

        page.Items.Select(s => s.Id).Should().Equal("s1");
    }

    [Fact]
    public async Task Window_limit_is_configurable()
    {
        var service = ServiceWith(new SchedulingOptions { MaxQueryWindow = Duration.FromDays(7) });

        await FailsAsync(
            () => service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchStart + Duration.FromDays(8) }).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "to");
    }

    [Fact]
    public async Task Window_that_ends_before_it_starts_is_invalid()
    {
        await FailsAsync(() => QueryAsync(MarchEnd, MarchStart), SchedulingErrorCode.InvalidArgument, "to");
    }

    [Fact]
    public async Task Empty_window_is_invalid()
    {
        await FailsAsync(() => QueryAsync(MarchStart, MarchStart), SchedulingErrorCode.InvalidArgument, "to");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_001)]
    public async Task Page_size_outside_1_to_1000_exceeds_the_limit(int pageSize)
    {
        await FailsAsync(() => QueryAsync(MarchStart, MarchEnd, pageSize: pageSize), SchedulingErrorCode.LimitExceeded, "pageSize");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    public async Task Page_size_from_1_to_1000_is_allowed(int pageSize)
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        (await QueryAsync(MarchStart, MarchEnd, pageSize: pageSize)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Default_page_size_is_configurable()
    {
        var service = ServiceWith(new SchedulingOptions { DefaultPageSize = 2 });
        for (var i = 0; i < 3; i++)
        {
            await service.CreateSessionAsync(Host, OneHour($"s{i}", Time.Utc(2025, 3, 3, 10 + i)));
        }

        var page = await service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd });

        page.Items.Should().HaveCount(2);
        page.HasNext.Should().BeTrue();
    }

    [Fact]
    public void Options_that_contradict_each_other_are_refused()
    {
        var create = () => ServiceWith(new SchedulingOptions { DefaultPageSize = 10, MaxPageSize = 5 });

        create.Should().Throw<ArgumentException>();
    }
}
