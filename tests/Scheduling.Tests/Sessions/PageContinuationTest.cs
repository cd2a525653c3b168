using System.Security.Cryptography;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// A page that continues the one before may take over the series heads it left (an in-process optimisation). These
/// tests walk the same query twice over the same stores: once through one service (which reuses that work), once
/// resuming every cursor on a second service that shares the cursor key but has no continuations. Both walks must
/// give exactly the pages a single big page gives.
/// </summary>
public sealed class PageContinuationTest
{
    private readonly CallerContext _host = CallerContext.Host("tenant");
    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemoryRecurringSessionStore _series = new();
    private readonly SessionService _walker;
    private readonly SessionService _fresh;

    public PageContinuationTest()
    {
        var options = new SchedulingOptions { CursorKey = RandomNumberGenerator.GetBytes(32) };
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        _walker = new SessionService(_sessions, _series, clock, options);
        _fresh = new SessionService(_sessions, _series, clock, options);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task Walk_that_reuses_the_previous_page_gives_what_a_fresh_walk_and_one_big_page_give(int pageSize)
    {
        await CreateCalendarAsync();
        var query = new SessionQuery
        {
            From = Instant.FromUtc(2025, 3, 1, 0, 0),
            To = Instant.FromUtc(2025, 4, 1, 0, 0),
            Filter = SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled),
        };
        var whole = await _walker.QuerySessionsAsync(_host, query with { PageSize = 1_000 });
        whole.HasNext.Should().BeFalse();

        var reused = new List<string>();
        var fresh = new List<string>();
        var page = await _walker.QuerySessionsAsync(_host, query with { PageSize = pageSize });
        reused.AddRange(page.Items.Select(s => s.Id));
        fresh.AddRange(page.Items.Select(s => s.Id));
        while (page.NextCursor is { } cursor)
        {
            var again = await _fresh.QuerySessionsAsync(_host, cursor);
            page = await _walker.QuerySessionsAsync(_host, cursor);
            fresh.AddRange(again.Items.Select(s => s.Id));
            reused.AddRange(page.Items.Select(s => s.Id));
            again.HasNext.Should().Be(page.HasNext);
        }

        reused.Should().Equal(whole.Items.Select(s => s.Id));
        fresh.Should().Equal(whole.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task Write_between_pages_is_seen_by_the_next_page()
    {
        await CreateCalendarAsync();
        var query = new SessionQuery { From = Instant.FromUtc(2025, 3, 1, 0, 0), To = Instant.FromUtc(2025, 4, 1, 0, 0), PageSize = 5 };
        var first = await _walker.QuerySessionsAsync(_host, query);
        var late = await _walker.CreateSessionAsync(_host, new NewSession
        {
            Id = "late-arrival",
            ScheduleId = "room",
            ScheduleOwnerId = "staff",
            Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 31, 12, 0)),
            End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 31, 13, 0)),
        });

        var rest = new List<string>();
        var page = first;
        while (page.NextCursor is { } cursor)
        {
            page = await _walker.QuerySessionsAsync(_host, cursor);
            rest.AddRange(page.Items.Select(s => s.Id));
        }

        rest.Should().Contain(late.Id);
    }

    private Task CreateCalendarAsync() => MarchCalendar.CreateAsync(_walker, _host);
}
