using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// Filters at the limits of the language: the store receives the largest lists the core pushes down, and a filter
/// accepted on the first page is accepted on every page after it.
/// </summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Largest_pushed_down_list_continues_on_every_page()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(OneHour($"m{i}", MarchStart + Duration.FromHours(10 + (24 * i))));
        }

        // One condition and its 999 values: the most a filter may hold, all of them schedule ids for the store.
        var schedules = SessionFilter.ScheduleIdIn(["schedule-1", .. Enumerable.Range(0, FilterLimits.MaxNodes - 2).Select(i => $"other-{i}")]);
        schedules.Node.Size.Should().Be(FilterLimits.MaxNodes);

        var ids = (await QueryAllAsync(MarchStart, MarchEnd, schedules, pageSize: 2)).Select(s => s.Id);

        ids.Should().Equal("m0", "m1", "m2", "m3", "m4");
    }

    [Fact]
    public async Task Filter_at_the_depth_limit_continues_on_every_page()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(OneHour($"d{i}", MarchStart + Duration.FromHours(10 + (24 * i))));
        }

        var json = string.Concat(Enumerable.Repeat("""{"$not":{"$not":""", 7)) + """{"$not":{"scheduleId":"nope","title":{"$exists":true}}}""" + new string('}', 14);
        var filter = SessionFilter.Parse(json);
        filter.Node.Depth.Should().Be(FilterLimits.MaxDepth);

        var ids = (await QueryAllAsync(MarchStart, MarchEnd, filter, pageSize: 1)).Select(s => s.Id);

        ids.Should().Equal("d0", "d1", "d2");
    }

    [Fact]
    public async Task Filters_combined_in_code_up_to_the_limits_continue_on_every_page()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(OneHour($"c{i}", MarchStart + Duration.FromHours(10 + (24 * i))));
        }

        // The deepest .Not() chain, the longest .And() loop and the largest .Or() of two lists that code may build:
        // each is accepted when it is made, so its cursor must be accepted on every later page.
        var negated = SessionFilter.ScheduleIdIn("schedule-1");
        for (var i = 0; i < FilterLimits.MaxDepth; i++)
        {
            negated = negated.Not();
        }

        var joined = SessionFilter.ScheduleIdIn("schedule-1");
        for (var i = 0; i < FilterLimits.MaxDepth; i++)
        {
            joined = joined.And(SessionFilter.ScheduleIdIn("schedule-1", $"other-{i}"));
        }

        var ids = SessionFilter.ScheduleIdIn(["schedule-1", .. Enumerable.Range(0, 498).Select(i => $"other-{i}")]);
        var tags = SessionFilter.HasAnyTag([.. Enumerable.Range(0, 498).Select(i => $"tag-{i}")]);
        var either = ids.Or(tags);
        either.Node.Size.Should().Be(FilterLimits.MaxNodes);

        foreach (var filter in new[] { negated, joined, either })
        {
            var found = (await QueryAllAsync(MarchStart, MarchEnd, filter, pageSize: 1)).Select(s => s.Id);

            found.Should().Equal(["c0", "c1", "c2"], "the filter {0} pages to its end", filter.Node.GetType().Name);
        }
    }
}
