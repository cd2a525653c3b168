using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Testing;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// A page of a query examines at most <see cref="SchedulingOptions.MaxExaminedPerPage"/> sessions and instances,
/// admitted by the filter or not. A page that reaches the bound first is short (possibly empty) and its cursor
/// continues right after the last item it examined, so paging on finds every match, in order, exactly once, and no
/// page call scans a whole window for a filter that matches rarely or never.
/// </summary>
public sealed class PageExaminationBoundTest
{
    private static readonly Instant YearStart = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant YearEnd = YearStart + Duration.FromDays(366);
    private readonly CallerContext _host = CallerContext.Host("tenant");
    private readonly FakeClock _clock = new(Instant.FromUtc(2024, 12, 1, 0, 0));
    private readonly byte[] _cursorKey = RandomNumberGenerator.GetBytes(32);
    private InMemorySessionStore _sessions = new();
    private InMemoryRecurringSessionStore _series = new();

    [Theory]
    [InlineData("tag")]
    [InlineData("status")]
    [InlineData("participant")]
    public async Task Every_second_series_over_a_year_with_a_filter_no_instance_matches_answers_short_pages_quickly(string rejectedBy)
    {
        var service = Service(Defaults());
        await CreateEverySecondSeriesAsync(service, YearStart);
        var filter = rejectedBy switch
        {
            "tag" => SessionFilter.HasAnyTag("never"),
            "status" => SessionFilter.StatusIn(SessionStatus.Cancelled),
            _ => SessionFilter.HasParticipant("nobody"),
        };
        var watch = Stopwatch.StartNew();

        var first = await service.QuerySessionsAsync(_host, new SessionQuery { From = YearStart, To = YearEnd, Filter = filter });
        var second = await service.QuerySessionsAsync(_host, first.NextCursor!);

        watch.Stop();
        first.Items.Should().BeEmpty();
        first.HasNext.Should().BeTrue("the window goes on past the 10,000 instances the page examined");
        first.NextCursor.Should().NotBeNull();
        second.Items.Should().BeEmpty();
        second.NextCursor.Should().NotBeNull().And.NotBe(first.NextCursor, "the second page goes on after the last instance the first examined");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "two pages examine 20,000 instances, not the 31.6 million of the window");
    }

    [Fact]
    public async Task Paging_on_past_rejected_instances_reaches_every_match_one_bounded_page_at_a_time()
    {
        var service = Service(Bounded(pageSize: 10, bound: 100));
        var from = Instant.FromUtc(2025, 1, 1, 10, 0);
        await CreateEverySecondSeriesAsync(service, from);
        await CreateSingleAsync(service, "single-match", from + Duration.FromMinutes(30), tags: ["match"]);
        await CreateSingleAsync(service, "single-other", from + Duration.FromMinutes(40), tags: []);

        var (items, pages) = await WalkAsync(service, new SessionQuery { From = from, To = from + Duration.FromHours(1), Filter = SessionFilter.HasAnyTag("match") });

        items.Select(s => s.Id).Should().Equal("single-match");
        pages.Should().HaveCount(37, "3,600 instances and two singles are examined 100 a page, and the last page ends the walk")
            .And.OnlyContain(page => page.Items.Length <= 1);
        pages[^1].HasNext.Should().BeFalse();
    }

    [Fact]
    public async Task A_page_whose_items_all_match_is_full_whatever_the_bound()
    {
        var service = Service(Bounded(pageSize: 10, bound: 11));
        await CreateEverySecondSeriesAsync(service, YearStart);

        var page = await service.QuerySessionsAsync(_host, new SessionQuery { From = YearStart, To = YearEnd });

        page.Items.Should().HaveCount(10);
        page.Items[0].Start.Timestamp.Should().Be(YearStart);
        page.HasNext.Should().BeTrue();
    }

    [Fact]
    public async Task A_walk_with_a_small_bound_gives_what_one_unbounded_page_gives()
    {
        var random = PropertyRuns.RandomSource(salt: 47);
        for (var run = 0; run < PropertyRuns.Cases(25); run++)
        {
            _sessions = new InMemorySessionStore();
            _series = new InMemoryRecurringSessionStore();
            var calendar = await GeneratedCalendar.CreateAsync(Service(Defaults()), _host, random);
            var filter = GeneratedCalendar.Filter(random);
            var query = new SessionQuery { From = GeneratedCalendar.From, To = GeneratedCalendar.To, Filter = filter };
            var reference = await Service(Bounded(pageSize: 1_000, bound: int.MaxValue))
                .QuerySessionsAsync(_host, query with { PageSize = 1_000 });
            reference.HasNext.Should().BeFalse();

            var pageSize = random.Next(1, 5);
            var options = Bounded(pageSize, bound: pageSize + 1 + random.Next(0, 7));
            var (reused, reusedPages) = await WalkAsync(Service(options), query);
            var (fresh, freshPages) = await WalkAsync(() => Service(options), query);

            var because = $"run {run}: {calendar}, filter {filter.ToJson()}, page size {pageSize}, bound {options.MaxExaminedPerPage}";
            reused.Select(s => s.Id).Should().Equal(reference.Items.Select(s => s.Id), because);
            fresh.Select(s => s.Id).Should().Equal(reference.Items.Select(s => s.Id), because);
            reusedPages.Select(p => p.HasNext).Should().Equal(freshPages.Select(p => p.HasNext), because);
            reusedPages.Should().OnlyContain(p => p.Items.Length <= pageSize, because);
        }
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_long_page_promptly()
    {
        var service = Service(Bounded(pageSize: 1_000, bound: int.MaxValue));
        await CreateEverySecondSeriesAsync(service, YearStart);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        var query = async () => await service.QuerySessionsAsync(
            _host,
            new SessionQuery { From = YearStart, To = YearEnd, Filter = SessionFilter.HasAnyTag("never") },
            cancellation.Token);

        await query.Should().ThrowAsync<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the page stops with the token, not at the end of 31.6 million instances");
    }

    [Fact]
    public async Task A_workspace_list_over_an_every_second_series_that_matches_nothing_answers_a_short_page()
    {
        var options = Defaults();
        var service = Service(options);
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("tenant", DateTimeZone.Utc, []));
        var workspaces = new WorkspaceSessionService(directory, service, _clock, options);
        await CreateEverySecondSeriesAsync(service, YearStart);
        var watch = Stopwatch.StartNew();

        var page = await workspaces.ListSessionsAsync(_host, "tenant", new WorkspaceSessionQuery
        {
            DateFrom = DateBound.AtInstant(YearStart),
            DateTo = DateBound.AtInstant(YearEnd),
            Status = LifecycleStatus.Cancelled,
        });
        var next = await workspaces.ListSessionsAsync(_host, "tenant", page.NextCursor!);

        page.Items.Should().BeEmpty();
        page.HasNext.Should().BeTrue();
        next.Items.Should().BeEmpty();
        next.NextCursor.Should().NotBeNull();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private SessionService Service(SchedulingOptions options) => new(_sessions, _series, _clock, options);

    /// <summary>The default options, with the cursor key every service of a test shares.</summary>
    private SchedulingOptions Defaults() => new() { CursorKey = _cursorKey };

    /// <summary>Pages of <paramref name="pageSize"/> that examine at most <paramref name="bound"/> items each, with the shared cursor key.</summary>
    private SchedulingOptions Bounded(int pageSize, int bound) => new()
    {
        DefaultPageSize = pageSize,
        MaxPageSize = pageSize,
        DefaultAttendancePageSize = pageSize,
        MaxExaminedPerPage = bound,
        CursorKey = _cursorKey,
    };

    private Task<(List<Session> Items, List<CursorPage<Session>> Pages)> WalkAsync(SessionService service, SessionQuery query) =>
        WalkAsync(() => service, query);

    /// <summary>Pages through a query to its end, asking <paramref name="serviceForPage"/> for the service of each page.</summary>
    private async Task<(List<Session> Items, List<CursorPage<Session>> Pages)> WalkAsync(Func<SessionService> serviceForPage, SessionQuery query)
    {
        var pages = new List<CursorPage<Session>> { await serviceForPage().QuerySessionsAsync(_host, query) };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Should().HaveCountLessThan(100_000, "a walk ends");
            pages.Add(await serviceForPage().QuerySessionsAsync(_host, cursor));
        }

        return ([.. pages.SelectMany(p => p.Items)], pages);
    }

    private static Task CreateEverySecondSeriesAsync(SessionService service, Instant start) =>
        service.CreateRecurringSessionAsync(CallerContext.Host("tenant"), new NewRecurringSession
        {
            Id = "every-second",
            ScheduleId = "room",
            ScheduleOwnerId = "staff",
            Start = start.InUtc().LocalDateTime,
            Zone = DateTimeZone.Utc,
            Duration = Duration.FromSeconds(1),
            Rule = RecurrenceRule.Parse("FREQ=SECONDLY"),
        }).AsTask();

    private static Task CreateSingleAsync(SessionService service, string id, Instant start, string[] tags) =>
        service.CreateSessionAsync(CallerContext.Host("tenant"), new NewSession
        {
            Id = id,
            ScheduleId = "room",
            ScheduleOwnerId = "staff",
            Start = CalendarDateTime.AtInstant(start),
            End = CalendarDateTime.AtInstant(start + Duration.FromMinutes(5)),
            Details = new SessionDetails { Tags = [.. tags] },
        }).AsTask();

    /// <summary>
    /// A generated calendar around four days of March 2025 in New York (DST begins on the 9th): single sessions and
    /// series of several rules, some starting before the window, with tags, a few cancelled, moved or retagged
    /// instances and cancelled singles.
    /// </summary>
    private static class GeneratedCalendar
    {
        public static readonly Instant From = Instant.FromUtc(2025, 3, 7, 5, 0);
        public static readonly Instant To = Instant.FromUtc(2025, 3, 11, 4, 0);

        private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        private static readonly string[] Rules =
        [
            "FREQ=DAILY", "FREQ=HOURLY;INTERVAL=5", "FREQ=MINUTELY;INTERVAL=97", "FREQ=WEEKLY;BYDAY=MO,WE,FR,SA", "FREQ=DAILY;COUNT=3",
            "FREQ=HOURLY;BYHOUR=9,17", "FREQ=MINUTELY;INTERVAL=30;BYHOUR=2,3",
        ];

        private static readonly string[][] TagSets = [[], ["a"], ["b"], ["a", "b"]];

        public static SessionFilter Filter(Random random) => random.Next(6) switch
        {
            0 => SessionFilter.All,
            1 => SessionFilter.HasAnyTag("a"),
            2 => SessionFilter.HasAnyTag("b").And(SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled)),
            3 => SessionFilter.StatusIn(SessionStatus.Cancelled),
            4 => SessionFilter.HasAllTags("a", "b"),
            _ => SessionFilter.HasAnyTag("never"),
        };

        /// <summary>Creates the calendar and describes it.</summary>
        public static async Task<string> CreateAsync(SessionService service, CallerContext host, Random random)
        {
            var singles = random.Next(0, 16);
            var series = random.Next(0, 6);
            for (var i = 0; i < singles; i++)
            {
                var start = From - Duration.FromHours(6) + Duration.FromMinutes(random.Next(0, (int)(To - From).TotalMinutes + 360));
                var created = await service.CreateSessionAsync(host, new NewSession
                {
                    Id = $"single-{i:00}",
                    ScheduleId = "room",
                    ScheduleOwnerId = "staff",
                    Start = CalendarDateTime.AtInstant(start),
                    End = CalendarDateTime.AtInstant(start + Duration.FromMinutes(random.Next(1, 300))),
                    Details = new SessionDetails { Tags = [.. TagSets[random.Next(TagSets.Length)]] },
                });
                if (random.Next(6) == 0)
                {
                    await service.CancelSessionAsync(host, created.Id, created.Revision);
                }
            }

            var rules = new List<string>();
            for (var i = 0; i < series; i++)
            {
                var rule = Rules[random.Next(Rules.Length)];
                rules.Add(rule);
                await service.CreateRecurringSessionAsync(host, new NewRecurringSession
                {
                    Id = $"series-{i}",
                    ScheduleId = "room",
                    ScheduleOwnerId = "staff",
                    Start = new LocalDateTime(2025, 3, 5, 0, 0).PlusMinutes(random.Next(0, 5 * 24 * 60)),
                    Zone = NewYork,
                    Duration = Duration.FromMinutes(random.Next(15, 600)),
                    Rule = RecurrenceRule.Parse(rule),
                    Details = new SessionDetails { Tags = [.. TagSets[random.Next(TagSets.Length)]] },
                });
            }

            var everything = await service.QuerySessionsAsync(host, new SessionQuery
            {
                From = From,
                To = To,
                Filter = SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled),
                PageSize = 1_000,
            });
            var instances = everything.Items.Where(s => s.RecurringSessionId is not null).ToList();
            var edits = instances.Count == 0 ? 0 : random.Next(0, 4);
            for (var i = 0; i < edits; i++)
            {
                var instance = instances[random.Next(instances.Count)];
                var current = await service.GetSessionAsync(host, instance.Id);
                if (current.Status == SessionStatus.Cancelled)
                {
                    continue;
                }

                if (random.Next(3) == 0)
                {
                    await service.CancelSessionAsync(host, current.Id, current.Revision);
                }
                else if (random.Next(2) == 0)
                {
                    var start = current.Start.Timestamp + Duration.FromMinutes(random.Next(-3_000, 3_000));
                    await service.UpdateSessionAsync(host, current.Id, new SessionChanges
                    {
                        Start = CalendarDateTime.AtLocal(start.InZone(NewYork).LocalDateTime, NewYork),
                        End = CalendarDateTime.AtLocal((start + Duration.FromMinutes(random.Next(1, 200))).InZone(NewYork).LocalDateTime, NewYork),
                    }, current.Revision);
                }
                else
                {
                    await service.UpdateSessionAsync(host, current.Id, new SessionChanges { Details = new SessionDetailsChanges { Tags = ImmutableArray.Create(TagSets[random.Next(TagSets.Length)]) } }, current.Revision);
                }
            }

            return $"{singles} singles, series {string.Join(" | ", rules)}, {edits} instance edits";
        }
    }
}
