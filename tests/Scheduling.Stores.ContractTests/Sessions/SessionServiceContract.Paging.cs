using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Cursor paging: page sizes, walking every page, and walks while other calls write.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Default_page_size_is_100()
    {
        await CreateManyAsync("s", 150, MarchStart, Duration.FromHours(4));

        var page = await QueryAsync(MarchStart, MarchEnd);

        page.Items.Should().HaveCount(100);
        page.HasNext.Should().BeTrue();
        page.NextCursor.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Page_holds_at_most_the_page_size_asked_for()
    {
        await CreateManyAsync("s", 20, MarchStart, Duration.FromHours(4));

        var page = await QueryAsync(MarchStart, MarchEnd, pageSize: 7);

        page.Items.Select(s => s.Id).Should().Equal(Enumerable.Range(0, 7).Select(i => $"s{i:000}"));
        page.HasNext.Should().BeTrue();
    }

    [Fact]
    public async Task Query_that_fits_one_page_has_no_next_page()
    {
        await CreateManyAsync("s", 100, MarchStart, Duration.FromHours(4));

        var page = await QueryAsync(MarchStart, MarchEnd);

        page.Items.Should().HaveCount(100);
        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Walking_every_page_gives_the_whole_sorted_result_once()
    {
        await CreateManyAsync("s", 230, MarchStart, Duration.FromHours(3));
        await CreateAsync(WeeklyYoga());
        await CreateAsync(WeeklyYoga("daily") with { Start = Time.Local(2025, 2, 20, 7), Rule = Scheduling.Recurrence.RecurrenceRule.Parse("FREQ=DAILY") });
        var whole = await QueryAsync(MarchStart, MarchEnd, pageSize: 1_000);
        whole.HasNext.Should().BeFalse();

        var pages = new List<int>();
        var walked = new List<Session>();
        var page = await QueryAsync(MarchStart, MarchEnd);
        while (true)
        {
            pages.Add(page.Items.Length);
            walked.AddRange(page.Items);
            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            page = await Service.QuerySessionsAsync(Host, cursor);
        }

        walked.Select(s => s.Id).Should().Equal(whole.Items.Select(s => s.Id));
        walked.Should().HaveCount(230 + 5 + 31);
        pages.Should().Equal(100, 100, 66);
    }

    [Fact]
    public async Task Pages_bounded_by_the_items_they_examine_continue_after_the_last_one_matched_or_not()
    {
        await CreateManyAsync("s", 40, MarchStart, Duration.FromHours(3));
        await CreateAsync(WeeklyYoga());
        await CreateAsync(WeeklyYoga("daily") with { Start = Time.Local(2025, 2, 20, 7), Details = WeeklyYoga("daily").Details with { Tags = [] }, Rule = RecurrenceRule.Parse("FREQ=DAILY") });
        var yoga = SessionFilter.HasAnyTag("yoga");
        var whole = await QueryAllAsync(MarchStart, MarchEnd, yoga);
        var bounded = new SessionService(_sessions, _recurringSessions, Clock, new SchedulingOptions
        {
            DefaultPageSize = 2,
            MaxPageSize = 2,
            DefaultAttendancePageSize = 2,
            MaxExaminedPerPage = 3,
        });

        var pages = new List<CursorPage<Session>> { await bounded.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd, Filter = yoga }) };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Should().HaveCountLessThan(1_000, "a walk must end");
            pages.Add(await bounded.QuerySessionsAsync(Host, cursor));
        }

        whole.Select(s => s.Id).Should().Equal(Enumerable.Range(0, 5).Select(week => InstanceId("yoga", 3, 3 + (7 * week))));
        pages.SelectMany(p => p.Items).Select(s => s.Id).Should().Equal(whole.Select(s => s.Id));
        pages.Should().HaveCountGreaterThanOrEqualTo((40 + 31 + 5) / 3, "no page examines more than three of the 40 singles and 36 instances")
            .And.Contain(p => p.Items.Length == 0 && p.HasNext, "a page of rejected items is empty and goes on");
    }

    [Fact]
    public async Task Last_page_has_no_next_cursor()
    {
        await CreateManyAsync("s", 200, MarchStart, Duration.FromHours(3));

        var first = await QueryAsync(MarchStart, MarchEnd);
        var second = await Service.QuerySessionsAsync(Host, first.NextCursor!);

        second.Items.Should().HaveCount(100);
        second.HasNext.Should().BeFalse();
        second.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Cursor_carries_the_window_the_filter_and_the_page_size()
    {
        await CreateManyAsync("s", 40, Time.Utc(2025, 2, 25), Duration.FromHours(12));
        for (var i = 0; i < 40; i += 3)
        {
            await Service.UpdateSessionAsync(Host, $"s{i:000}", new SessionChanges { Details = new SessionDetailsChanges { Tags = System.Collections.Immutable.ImmutableArray.Create("yoga") } }, 1);
        }

        await CreateAsync(WeeklyYoga());
        var filter = SessionFilter.HasAnyTag("yoga");
        var from = Time.Utc(2025, 3, 1);
        var to = Time.Utc(2025, 3, 10);
        var expected = (await QueryAllAsync(from, to, filter)).Select(s => s.Id).ToList();

        var page = await QueryAsync(from, to, filter, pageSize: 2);
        var walked = new List<string>(page.Items.Select(s => s.Id));
        while (page.NextCursor is { } cursor)
        {
            page = await Service.QuerySessionsAsync(Host, cursor);
            page.Items.Length.Should().BeLessThanOrEqualTo(2);
            walked.AddRange(page.Items.Select(s => s.Id));
        }

        walked.Should().Equal(expected);
        expected.Should().HaveCountGreaterThan(4).And.Contain(InstanceId("yoga", 3, 3)).And.NotContain("s001");
    }

    [Fact]
    public async Task Cursor_carries_the_fieldset()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(OneHour($"s{i}", Time.Utc(2025, 3, 3 + i, 10)) with { Participants = [new Participant($"p{i}", "Ada", "ada@example.com")] });
        }

        var first = await Service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd, PageSize = 2, Fieldset = SessionFieldset.AllPersonalInformation });
        var second = await Service.QuerySessionsAsync(Host, first.NextCursor!);

        second.Items.Single().Participants.Single().Email.Should().Be("ada@example.com");
    }

    [Fact]
    public async Task Walk_with_pages_of_one_breaks_ties_of_equal_starts_by_id()
    {
        var sameStart = Time.Utc(2025, 3, 10, 22, 30);
        foreach (var id in new[] { "m", "c", "x", "a" })
        {
            await CreateAsync(OneHour(id, sameStart));
        }

        await CreateAsync(WeeklyYoga("yoga"));
        await CreateAsync(WeeklyYoga("b-yoga"));

        var walked = await QueryAllAsync(Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 11), pageSize: 1);

        walked.Select(s => s.Id).Should().Equal("a", InstanceId("b-yoga", 3, 10), "c", "m", "x", InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task Walk_includes_sessions_that_started_before_the_window()
    {
        await CreateAsync(OneHour("overnight", Time.Utc(2025, 2, 28, 22)) with { End = Time.At(Time.Utc(2025, 3, 1, 2)) });
        await CreateAsync(WeeklyYoga("retreat") with { Start = Time.Local(2025, 2, 27, 9), Duration = Duration.FromDays(3) });
        await CreateManyAsync("s", 5, MarchStart, Duration.FromHours(1));

        var walked = await QueryAllAsync(MarchStart, Time.Utc(2025, 3, 2), pageSize: 2);

        walked.Select(s => s.Id).Should().Equal(InstanceId("retreat", 2, 27, 9, 0), "overnight", "s000", "s001", "s002", "s003", "s004");
    }

    [Fact]
    public async Task Paging_neither_repeats_nor_skips_sessions_that_stay_unchanged_while_others_change_between_pages()
    {
        // Unchanged during the walk: 60 single sessions and a daily series. Changed between pages: 30 single
        // sessions and a weekly series that are edited, moved back and forth across the position, cancelled and
        // deleted, and new sessions inserted before and after the position.
        await CreateManyAsync("stable-", 60, MarchStart, Duration.FromHours(11));
        await CreateAsync(WeeklyYoga("stable-daily") with { Start = Time.Local(2025, 2, 1, 12), Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"], Rule = Scheduling.Recurrence.RecurrenceRule.Parse("FREQ=DAILY") });
        await CreateManyAsync("volatile-", 30, MarchStart + Duration.FromMinutes(30), Duration.FromHours(23));
        await CreateAsync(WeeklyYoga("volatile-yoga"));
        var stable = (await MarchIdsAsync()).Where(id => id.StartsWith("stable-", StringComparison.Ordinal)).ToList();
        stable.Should().HaveCount(60 + 31);

        var walked = new List<Session>();
        var page = await QueryAsync(MarchStart, MarchEnd, pageSize: 10);
        for (var round = 0; ; round++)
        {
            walked.AddRange(page.Items);
            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            await ChangeOtherSessionsAsync(round, page.Items[^1].Start.Timestamp);
            page = await Service.QuerySessionsAsync(Host, cursor);
        }

        walked.Select(s => s.Id).Where(id => id.StartsWith("stable-", StringComparison.Ordinal)).Should().Equal(stable);
        walked.Select(s => (s.Start.Timestamp, s.Id)).Should().BeInAscendingOrder(Comparer<(Instant Start, string Id)>.Create(
            (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : string.CompareOrdinal(x.Id, y.Id)));
        walked.Select(s => s.Id).Should().Contain(id => id.StartsWith("new-after-", StringComparison.Ordinal), "sessions inserted after the position are reached");
    }

    [Fact]
    public async Task Page_after_the_last_item_was_deleted_continues_from_its_position()
    {
        await CreateManyAsync("s", 6, MarchStart, Duration.FromHours(1));
        var first = await QueryAsync(MarchStart, MarchEnd, pageSize: 3);

        await Service.DeleteSessionAsync(Host, "s002", 1);
        await Service.DeleteSessionAsync(Host, "s003", 1);
        var second = await Service.QuerySessionsAsync(Host, first.NextCursor!);

        first.Items.Select(s => s.Id).Should().Equal("s000", "s001", "s002");
        second.Items.Select(s => s.Id).Should().Equal("s004", "s005");
    }

    [Fact]
    public async Task Cursor_is_read_with_the_permissions_of_the_caller_who_pages()
    {
        await CreateManyAsync("s", 3, MarchStart, Duration.FromHours(1));
        var staff = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView);
        var first = await QueryAsync(MarchStart, MarchEnd, pageSize: 2, caller: staff);

        var second = await Service.QuerySessionsAsync(CallerContext.Anonymous(Tenant, Permissions.SessionsView), first.NextCursor!);

        second.Items.Select(s => s.Id).Should().Equal("s002");
    }

    [Fact]
    public async Task Concurrent_queries_over_the_same_series_answer_as_one_at_a_time()
    {
        await CreateAsync(WeeklyYoga());
        await CreateAsync(WeeklyYoga("daily") with { Start = Time.Local(2025, 1, 1, 7), Rule = Scheduling.Recurrence.RecurrenceRule.Parse("FREQ=DAILY") });
        await CreateAsync(WeeklyYoga("twice") with { Start = Time.Local(2025, 1, 2, 12), Rule = Scheduling.Recurrence.RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=TH,SA") });
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 17), new SessionChanges { Start = Time.InNewYork(2025, 3, 19, 7) }, 0);
        await CreateManyAsync("s", 40, Time.Utc(2025, 1, 1), Duration.FromDays(3));
        var random = new Random(20250309);
        var windows = Enumerable.Range(0, 24)
            .Select(_ => Time.Utc(2025, 1, 1) + Duration.FromHours(random.Next(0, 24 * 100)))
            .Select(from => (From: from, To: from + Duration.FromHours(random.Next(1, 24 * 20)), PageSize: random.Next(1, 12)))
            .ToList();
        var oneAtATime = new List<List<string>>();
        foreach (var (from, to, pageSize) in windows)
        {
            oneAtATime.Add([.. (await QueryAllAsync(from, to, pageSize: pageSize)).Select(s => s.Id)]);
        }

        var together = await Task.WhenAll(windows.Concat(windows).Select(w => Task.Run(async () =>
            (List<string>)[.. (await QueryAllAsync(w.From, w.To, pageSize: w.PageSize)).Select(s => s.Id)])));

        together.Should().Equal(oneAtATime.Concat(oneAtATime), (left, right) => left.SequenceEqual(right));
    }

    /// <summary>Creates <paramref name="count"/> one-hour sessions named prefix000, prefix001, ... every <paramref name="step"/> from <paramref name="first"/>.</summary>
    protected async Task CreateManyAsync(string prefix, int count, Instant first, Duration step)
    {
        for (var i = 0; i < count; i++)
        {
            await CreateAsync(OneHour($"{prefix}{i:000}", first + (step * i)));
        }
    }

    private async Task ChangeOtherSessionsAsync(int round, Instant position)
    {
        // New sessions on both sides of the position.
        await CreateAsync(OneHour($"new-before-{round}", MarchStart + Duration.FromMinutes(round)));
        await CreateAsync(OneHour($"new-after-{round}", position + Duration.FromHours(1 + round)));

        // Move a volatile session to the other side of the position, and retitle another.
        var volatileId = $"volatile-{round % 30:000}";
        if (await Service.ListSessionsAsync(Host, [volatileId]) is [var target])
        {
            var moveTo = target.Start.Timestamp < position ? position + Duration.FromHours(5) : MarchStart + Duration.FromHours(2);
            await Service.UpdateSessionAsync(Host, volatileId, new SessionChanges { Start = Time.At(moveTo), End = Time.At(moveTo + Duration.FromHours(1)) }, target.Revision);
        }

        var retitleId = $"volatile-{(round + 10) % 30:000}";
        if (await Service.ListSessionsAsync(Host, [retitleId]) is [var retitle])
        {
            await Service.UpdateSessionAsync(Host, retitleId, new SessionChanges { Details = new SessionDetailsChanges { Title = $"round {round}" } }, retitle.Revision);
        }

        // Delete another, and change the volatile series and one of its instances.
        var deleteId = $"volatile-{(round + 20) % 30:000}";
        if (await Service.ListSessionsAsync(Host, [deleteId]) is [var doomed])
        {
            await Service.DeleteSessionAsync(Host, deleteId, doomed.Revision);
        }

        var series = await Service.GetRecurringSessionAsync(Host, "volatile-yoga");
        await Service.UpdateRecurringSessionAsync(Host, "volatile-yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = $"round {round}" }, Start = Time.Local(2025, 3, 3, 18, 30).PlusMinutes(round % 2 == 0 ? 600 : -600) }, series.Revision);
        var instanceId = InstanceId("volatile-yoga", 3, 3 + (7 * (round % 5)));
        var instance = await GetAsync(instanceId);
        if (instance.Status == SessionStatus.Confirmed)
        {
            await Service.CancelSessionAsync(Host, instanceId, instance.Revision);
        }
    }

    [Fact]
    public async Task Ids_beyond_the_basic_plane_page_in_the_same_order_as_a_whole_query()
    {
        // Among equal starts, ids order by code point: U+E000 and U+FFFD before U+1F600 (a surrogate pair in UTF-16,
        // which ordinal UTF-16 order would put first), the order SQL databases keep text in.
        string[] ids = ["a", "\uE000", "\U0001F600", "\uFFFD", "\U0001F600b", "z"];
        foreach (var id in ids)
        {
            await CreateAsync(OneHour(id, MarchStart + Duration.FromHours(2)));
        }

        var whole = await QueryAsync(MarchStart, MarchEnd, pageSize: 100);
        var walked = new List<string>();
        var page = await QueryAsync(MarchStart, MarchEnd, pageSize: 1);
        while (true)
        {
            walked.AddRange(page.Items.Select(s => s.Id));
            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            page = await Service.QuerySessionsAsync(Host, cursor);
        }

        whole.Items.Select(s => s.Id).Should().Equal("a", "z", "\uE000", "\uFFFD", "\U0001F600", "\U0001F600b");
        walked.Should().Equal(whole.Items.Select(s => s.Id));
    }
}
