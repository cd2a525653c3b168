using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Queries: which sessions a window takes in, and in what order.</summary>
public abstract partial class SessionServiceContract
{
    /// <summary>Window [10:00, 12:00) UTC on 2025-03-03; a session from <paramref name="start"/> to <paramref name="end"/> that day.</summary>
    [Theory]
    [InlineData(9, 0, 10, 30, true)]
    [InlineData(9, 0, 10, 0, false)]
    [InlineData(8, 0, 14, 0, true)]
    [InlineData(10, 0, 11, 0, true)]
    [InlineData(11, 30, 13, 0, true)]
    [InlineData(12, 0, 13, 0, false)]
    [InlineData(10, 0, 10, 0, true)]
    [InlineData(12, 0, 12, 0, false)]
    public async Task Window_takes_in_every_session_that_overlaps_it(int startHour, int startMinute, int endHour, int endMinute, bool included)
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, startHour, startMinute)) with { End = Time.At(Time.Utc(2025, 3, 3, endHour, endMinute)) });

        var found = await QueryAllAsync(Time.Utc(2025, 3, 3, 10), Time.Utc(2025, 3, 3, 12));

        found.Should().HaveCount(included ? 1 : 0);
    }

    [Fact]
    public async Task Session_that_started_before_the_window_and_ends_inside_it_is_included()
    {
        await CreateAsync(OneHour("overnight", Time.Utc(2025, 2, 28, 22)) with { End = Time.At(Time.Utc(2025, 3, 1, 2)) });

        (await MarchIdsAsync()).Should().Equal("overnight");
    }

    [Fact]
    public async Task Instance_that_started_before_the_window_and_ends_inside_it_is_included()
    {
        await CreateAsync(WeeklyYoga());

        // The 2025-03-10 instance runs from 22:30 to 23:30 UTC.
        var found = await QueryAllAsync(Time.Utc(2025, 3, 10, 23), Time.Utc(2025, 3, 11));

        found.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task Instance_that_ends_when_the_window_starts_is_left_out()
    {
        await CreateAsync(WeeklyYoga());

        (await QueryAllAsync(Time.Utc(2025, 3, 10, 23, 30), Time.Utc(2025, 3, 11))).Should().BeEmpty();
    }

    [Fact]
    public async Task Long_instance_that_started_days_before_the_window_is_included()
    {
        await CreateAsync(WeeklyYoga("retreat") with { Duration = Duration.FromDays(3) });

        var found = await QueryAllAsync(Time.Utc(2025, 3, 12), Time.Utc(2025, 3, 13));

        found.Select(i => i.Id).Should().Equal(InstanceId("retreat", 3, 10));
    }

    [Fact]
    public async Task Instance_lengthened_on_its_own_that_started_before_the_window_is_included()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 12, 18, 30) }, 0);

        var found = await QueryAllAsync(Time.Utc(2025, 3, 11), Time.Utc(2025, 3, 12));

        found.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task Last_instance_lengthened_on_its_own_past_the_end_of_its_series_is_included()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2"));
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 12, 18, 30) }, 0);

        var found = await QueryAllAsync(Time.Utc(2025, 3, 11), Time.Utc(2025, 3, 12));

        found.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task Zero_length_instance_at_the_window_start_is_included()
    {
        await CreateAsync(WeeklyYoga("reminder") with { Duration = Duration.Zero, Start = Time.Local(2025, 3, 3, 9), Zone = DateTimeZoneProviders.Tzdb["UTC"] });

        var found = await QueryAllAsync(Time.Utc(2025, 3, 10, 9), Time.Utc(2025, 3, 10, 10));

        found.Select(i => i.Id).Should().Equal(InstanceId("reminder", 3, 10, 9, 0));
    }

    [Fact]
    public async Task Zero_length_last_instance_of_a_series_at_the_window_start_is_included()
    {
        await CreateAsync(WeeklyYoga("reminder", "FREQ=WEEKLY;COUNT=2") with { Duration = Duration.Zero, Start = Time.Local(2025, 3, 3, 9), Zone = DateTimeZoneProviders.Tzdb["UTC"] });

        var found = await QueryAllAsync(Time.Utc(2025, 3, 10, 9), Time.Utc(2025, 3, 10, 10));

        found.Select(i => i.Id).Should().Equal(InstanceId("reminder", 3, 10, 9, 0));
    }

    [Fact]
    public async Task Results_are_sorted_by_start_then_by_id()
    {
        var sameStart = Time.Utc(2025, 3, 10, 22, 30);
        await CreateAsync(OneHour("b", sameStart));
        await CreateAsync(OneHour("a", sameStart));
        await CreateAsync(OneHour("yoga_", sameStart));
        await CreateAsync(OneHour("c", Time.Utc(2025, 3, 10, 9)));
        await CreateAsync(WeeklyYoga());
        await CreateAsync(WeeklyYoga("aaa"));
        await CreateAsync(OneHour("z", Time.Utc(2025, 3, 11, 9)));

        var found = await QueryAllAsync(Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 12));

        found.Select(s => s.Id).Should().Equal("c", "a", InstanceId("aaa", 3, 10), "b", "yoga_", InstanceId("yoga", 3, 10), "z");
    }

    [Fact]
    public async Task Single_sessions_and_instances_of_several_series_are_merged_in_start_order()
    {
        await CreateAsync(WeeklyYoga());
        await CreateAsync(WeeklyYoga("pilates") with { Start = Time.Local(2025, 3, 5, 7), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=WE,FR") });
        await CreateAsync(OneHour("dentist", Time.Utc(2025, 3, 6, 15)));
        await CreateAsync(OneHour("late", Time.Utc(2025, 3, 31, 23)));

        var found = await QueryAllAsync(MarchStart, MarchEnd);

        found.Should().HaveCount(5 + 8 + 2);
        found.Select(s => s.Start.Timestamp).Should().BeInAscendingOrder();
        found.Select(s => s.Id).Should().ContainInOrder(InstanceId("yoga", 3, 3), InstanceId("pilates", 3, 5, 7, 0), "dentist", InstanceId("pilates", 3, 7, 7, 0), InstanceId("yoga", 3, 10));
        found[^1].Id.Should().Be("late");
    }

    [Fact]
    public async Task Cancelled_sessions_are_left_out_unless_the_filter_names_status()
    {
        await CreateAsync(OneHour("kept", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(OneHour("cancelled", Time.Utc(2025, 3, 4, 10)));
        await Service.CancelSessionAsync(Host, "cancelled", 1);

        (await MarchIdsAsync()).Should().Equal("kept");
        (await MarchIdsAsync(SessionFilter.Parse("""{"title":{"$exists":false}}"""))).Should().Equal("kept");
        (await MarchIdsAsync(SessionFilter.Parse("""{"status":"CANCELLED"}"""))).Should().Equal("cancelled");
        (await MarchIdsAsync(SessionFilter.Parse("""{"status":{"$ne":"CONFIRMED"}}"""))).Should().Equal("cancelled");
        (await MarchIdsAsync(SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled))).Should().Equal("kept", "cancelled");
    }

    [Fact]
    public async Task Query_sees_only_the_callers_tenant()
    {
        await CreateAsync(OneHour("mine", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga());
        await Service.CreateSessionAsync(OtherHost, OneHour("theirs", Time.Utc(2025, 3, 3, 10)));
        await Service.CreateRecurringSessionAsync(OtherHost, WeeklyYoga("their-yoga"));

        (await MarchIdsAsync()).Should().HaveCount(6).And.NotContain(id => id.StartsWith("their", StringComparison.Ordinal));
        (await QueryAllAsync(MarchStart, MarchEnd, caller: OtherHost)).Select(s => s.Id).Should().HaveCount(6).And.OnlyContain(id => id.StartsWith("their", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_with_nothing_in_the_window_is_one_empty_page()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 5, 3, 10)));

        var page = await QueryAsync(MarchStart, MarchEnd);

        page.Items.Should().BeEmpty();
        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Window_of_a_whole_year_is_answered()
    {
        await CreateAsync(WeeklyYoga());

        (await QueryAllAsync(Time.Utc(2025, 3, 1), Time.Utc(2026, 3, 1))).Should().HaveCount(52);
    }

    [Fact]
    public async Task Query_stops_when_its_token_is_cancelled()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var query = () => Service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd }, cancellation.Token).AsTask();

        await query.Should().ThrowAsync<OperationCanceledException>();
    }
}
