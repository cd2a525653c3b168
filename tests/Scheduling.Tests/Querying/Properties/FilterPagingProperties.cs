using FsCheck;
using FsCheck.Fluent;
using Scheduling.Querying;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Testing;

namespace Scheduling.Tests.Querying.Properties;

/// <summary>
/// A filter accepted on the first page is accepted on every later page: its cursors carry a canonical form the
/// parser reads back to the same filter, so walking a query in small pages gives what one large page gives.
/// </summary>
public sealed class FilterPagingProperties
{
    private static readonly CallerContext Host = CallerContext.Host("tenant-a");
    private static readonly Instant MarchStart = Instant.FromUtc(2025, 3, 1, 0, 0);
    private static readonly Instant MarchEnd = Instant.FromUtc(2025, 4, 1, 0, 0);
    private static readonly Lazy<SessionService> Service = new(CreateService);

    private static readonly Arbitrary<(int Seed, int Size, int Depth, bool AdmitAll)> Queries = (
            from seed in Gen.Choose(0, int.MaxValue)
            from size in Gen.Frequency((2, Gen.Choose(1, 30)), (1, Gen.Constant(FilterLimits.MaxNodes)))
            from depth in Gen.Frequency((2, Gen.Choose(0, 5)), (1, Gen.Constant(FilterLimits.MaxDepth)))
            from admitAll in Gen.Elements(true, false)
            select (seed, size, depth, admitAll))
        .ToArbitrary();

    [Fact]
    public void Walking_small_pages_gives_what_one_large_page_gives_for_any_accepted_filter()
    {
        Check.One(PropertyRuns.Config(40), Prop.ForAll(Queries, query =>
        {
            var trees = new FilterTrees<Session>(SessionFilter.Schema, new Random(query.Seed));

            // Half the filters admit everything around a random tree (which then sits one level down), so that
            // there are pages to walk; the other half are random trees at the full size and depth.
            var filter = query.AdmitAll
                ? SessionFilter.FromNode(new FilterNode.AnyOf([trees.Next(query.Size - 2, query.Depth - 1), new FilterNode.AllOf([])]))
                : SessionFilter.FromNode(trees.Next(query.Size, query.Depth));

            var walked = Walk(filter, pageSize: 3);
            var whole = Walk(filter, pageSize: 100);

            return walked.SequenceEqual(whole) && (!query.AdmitAll || whole.Count == ItemsInMarch);
        }));
    }

    [Fact]
    public void Largest_filter_continues_on_every_page()
    {
        // 1,000 nodes and values, 16 levels deep, every kind of node, and it admits every session.
        var deep = new FilterNode.Condition("capacity", FilterOperator.Ne, [FilterValue.Of(-1L)]) as FilterNode;
        for (var i = 0; i < FilterLimits.MaxDepth - 2; i += 2)
        {
            deep = new FilterNode.Not(new FilterNode.Not(deep));
        }

        deep = new FilterNode.AllOf([deep]);

        var largest = SessionFilter.FromNode(new FilterNode.AnyOf(
        [
            new FilterNode.AllOf([]),
            deep,
            new FilterNode.Condition("title", FilterOperator.Nin, [.. Enumerable.Range(0, FilterLimits.MaxNodes - deep.Size - 3).Select(i => FilterValue.Of($"other title {i}"))]),
        ]));
        largest.Node.Size.Should().Be(FilterLimits.MaxNodes);
        largest.Node.Depth.Should().Be(FilterLimits.MaxDepth);

        Walk(largest, pageSize: 2).Should().HaveCount(ItemsInMarch);
    }

    private static int ItemsInMarch => Walk(SessionFilter.All, pageSize: 100).Count;

    private static List<string> Walk(SessionFilter filter, int pageSize)
    {
        var page = Service.Value.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd, Filter = filter, PageSize = pageSize }).AsTask().GetAwaiter().GetResult();
        var ids = page.Items.Select(s => s.Id).ToList();
        while (page.NextCursor is { } cursor)
        {
            page = Service.Value.QuerySessionsAsync(Host, cursor).AsTask().GetAwaiter().GetResult();
            ids.AddRange(page.Items.Select(s => s.Id));
        }

        return ids;
    }

    private static SessionService CreateService()
    {
        var service = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)));
        string[] titles = ["Yoga", "a", "b", "Pilates"];
        for (var i = 0; i < 12; i++)
        {
            var start = MarchStart + Duration.FromHours(7 + (i * 41));
            service.CreateSessionAsync(Host, new NewSession
            {
                ScheduleId = $"s{i % 3}",
                ScheduleOwnerId = $"o{i % 2}",
                Details = new SessionDetails
                {
                    Title = titles[i % titles.Length],
                    Tags = i % 3 == 0 ? ["a", "Yoga"] : [],
                    Location = i % 2 == 0 ? "Room 1" : null,
                    Capacity = i % 4 == 0 ? null : i,
                    ClientId = i % 5 == 0 ? "a" : null,
                    ServiceIds = i % 2 == 1 ? ["b"] : [],
                },
                Start = CalendarDateTime.AtLocal(start.InUtc().LocalDateTime, DateTimeZone.Utc),
                End = CalendarDateTime.AtLocal((start + Duration.FromMinutes(45)).InUtc().LocalDateTime, DateTimeZone.Utc),
            }).AsTask().GetAwaiter().GetResult();
        }

        service.CreateRecurringSessionAsync(Host, new NewRecurringSession
        {
            ScheduleId = "s1",
            ScheduleOwnerId = "o1",
            Details = new SessionDetails { Title = "Yoga", Capacity = 10 },
            Start = new LocalDateTime(2025, 3, 3, 18, 30),
            Zone = DateTimeZoneProviders.Tzdb["America/New_York"],
            Duration = Duration.FromHours(1),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,TH"),
        }).AsTask().GetAwaiter().GetResult();
        return service;
    }
}
