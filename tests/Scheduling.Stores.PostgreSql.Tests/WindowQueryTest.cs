using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// Window queries pushed down to SQL: the seek, the keyset, the chunks a long walk is read in, and a walk stopped early,
/// checked against the in-memory store as the reference on many sessions at once.
/// </summary>
public sealed class WindowQueryTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Walks_longer_than_a_chunk_match_the_in_memory_store_in_order_for_every_window_filter_and_position()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        var reference = new InMemorySessionStore();
        foreach (var session in RandomSessions(seed: 7, count: 900))
        {
            (await store.InsertAsync(Tenant, session, None)).Should().BeTrue();
            await reference.InsertAsync(Tenant, session, None);
        }

        var random = new Random(11);
        var filters = new[]
        {
            SessionCandidateFilter.Any,
            new SessionCandidateFilter { ScheduleIds = ["schedule-2"] },
            new SessionCandidateFilter { ScheduleIds = ["schedule-1", "schedule-3"], Types = [SessionType.Event] },
            new SessionCandidateFilter { ScheduleOwnerIds = ["owner-0"] },
        };
        for (var check = 0; check < 24; check++)
        {
            var from = Time.Utc(2025, 3, 1) + Duration.FromMinutes(random.Next(0, 60 * 24 * 6));
            var to = check % 3 == 0 ? Time.Utc(2025, 4, 1) : from + Duration.FromMinutes(random.Next(1, 60 * 24 * 3));
            var filter = filters[check % filters.Length];
            var expected = await ToListAsync(reference.FindOverlappingAsync(Tenant, filter, from, to, null, None));
            SessionPosition? after = check % 2 == 0 || expected.Count == 0 ? null : Position(expected[random.Next(expected.Count)]);
            if (after is not null)
            {
                expected = await ToListAsync(reference.FindOverlappingAsync(Tenant, filter, from, to, after, None));
            }

            var found = await ToListAsync(store.FindOverlappingAsync(Tenant, filter, from, to, after, None));

            found.Select(s => s.Id).Should().Equal(expected.Select(s => s.Id), "window {0} to {1}, after {2}", from, to, after);
        }
    }

    [Fact]
    public async Task Paging_by_keyset_through_many_equal_starts_reads_every_session_once()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        var ids = Enumerable.Range(0, 400).Select(i => $"s{i:D3}").ToList();
        foreach (var id in ids)
        {
            await store.InsertAsync(Tenant, Session(id), None);
        }

        var read = new List<string>();
        SessionPosition? after = null;
        while (true)
        {
            var page = await TakeAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 3), Time.Utc(2025, 3, 4), after, None), 150);
            if (page.Count == 0)
            {
                break;
            }

            read.AddRange(page.Select(s => s.Id));
            after = Position(page[^1]);
        }

        read.Should().Equal(ids);
    }

    [Fact]
    public async Task Walk_stopped_early_gives_its_connection_back_to_the_pool()
    {
        // One connection in the pool: a walk that kept it would make the next call wait and time out.
        var store = new PostgreSqlSessionStore(_schema.NewDataSource(builder => (builder.MaxPoolSize, builder.Timeout) = (1, 3)));
        for (var i = 0; i < 300; i++)
        {
            await store.InsertAsync(Tenant, Session($"s{i:D3}"), None);
        }

        for (var walk = 0; walk < 3; walk++)
        {
            var firstFive = await TakeAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), null, None), 5);
            firstFive.Select(s => s.Id).Should().Equal("s000", "s001", "s002", "s003", "s004");
        }

        (await store.FindAsync(Tenant, "s299", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Long_session_that_started_well_before_the_window_is_found_by_the_seek()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Session("retreat") with { Start = Time.At(Time.Utc(2025, 1, 1)), End = Time.At(Time.Utc(2025, 6, 1)) }, None);
        await store.InsertAsync(Tenant, Session("short"), None);

        var found = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 3), Time.Utc(2025, 3, 4), null, None));

        found.Select(s => s.Id).Should().Equal("retreat", "short");
    }

    [Fact]
    public async Task Instants_finer_than_a_tick_are_kept_exactly_and_compared_exactly()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        var start = Time.Utc(2025, 3, 3, 10).PlusNanoseconds(50);
        await store.InsertAsync(Tenant, Session("fine") with { Start = Time.At(start), End = Time.At(start.PlusNanoseconds(30)) }, None);

        var stored = await store.FindAsync(Tenant, "fine", None);
        stored!.Start.Timestamp.Should().Be(start);
        stored.End.Timestamp.Should().Be(start.PlusNanoseconds(30));
        (await IdsAsync(store, start.PlusNanoseconds(29), start.PlusNanoseconds(31))).Should().Equal("fine");
        (await IdsAsync(store, start.PlusNanoseconds(30), start.PlusNanoseconds(31))).Should().BeEmpty("the session ends as the window starts");
        (await IdsAsync(store, start.PlusNanoseconds(-20), start)).Should().BeEmpty("the session starts as the window ends");
    }

    [Fact]
    public async Task Span_end_finer_than_a_tick_is_kept_exactly()
    {
        // An instant-long series' span reaches a nanosecond past its last start.
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        var spanEnd = Time.Utc(2025, 3, 17, 9).PlusNanoseconds(1);
        await store.InsertAsync(Tenant, Series("ping") with { Duration = Duration.Zero }, spanEnd, None);

        (await store.FindAsync(Tenant, "ping", None))!.SpanEnd.Should().Be(spanEnd);
        (await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 17, 9), Time.Utc(2025, 3, 18), None)))
            .Should().ContainSingle();

        // The span is indexed in whole ticks, rounded outwards: a store may return more candidates, never fewer.
        (await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, spanEnd.PlusTicks(1), Time.Utc(2025, 3, 18), None)))
            .Should().BeEmpty();
    }

    private static SessionPosition Position(Session session) => new(session.Start.Timestamp, session.Id);

    private static async Task<List<string>> IdsAsync(PostgreSqlSessionStore store, Instant from, Instant to) =>
        [.. (await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, from, to, null, None))).Select(s => s.Id)];

    private static async Task<List<T>> TakeAsync<T>(IAsyncEnumerable<T> items, int count)
    {
        var taken = new List<T>();
        await foreach (var item in items)
        {
            taken.Add(item);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    /// <summary>
    /// Sessions in the first week of March 2025 on the quarter hour (so many share a start), up to a day long, some
    /// instant-long; ids chosen so that ordinal order differs from a culture's ("B" before "a").
    /// </summary>
    private static IEnumerable<Session> RandomSessions(int seed, int count)
    {
        var random = new Random(seed);
        string[] prefixes = ["a", "B", "b", "Z", "_", "0"];
        for (var i = 0; i < count; i++)
        {
            var start = Time.Utc(2025, 3, 1) + Duration.FromMinutes(15 * random.Next(0, 4 * 24 * 7));
            var length = random.Next(10) == 0 ? Duration.Zero : Duration.FromMinutes(15 * random.Next(1, 4 * 24));
            yield return Session($"{prefixes[random.Next(prefixes.Length)]}{i}") with
            {
                ScheduleId = $"schedule-{random.Next(1, 4)}",
                ScheduleOwnerId = $"owner-{random.Next(0, 3)}",
                Type = random.Next(2) == 0 ? SessionType.Event : SessionType.WorkingHours,
                Start = Time.At(start),
                End = Time.At(start + length),
            };
        }
    }
}
