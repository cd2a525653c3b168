using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// The timeline is the one reader of "every session in this window, in order": single sessions and the instances
/// of every candidate series, merged as they stream. A query's pages are taken from it, so reading it whole gives
/// what one big page gives.
/// </summary>
public sealed class SessionTimelineTest
{
    private static readonly Instant March = Instant.FromUtc(2025, 3, 1, 0, 0);
    private static readonly Instant April = Instant.FromUtc(2025, 4, 1, 0, 0);
    private readonly CallerContext _host = CallerContext.Host("tenant");
    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemoryRecurringSessionStore _series = new();
    private readonly SessionService _service;

    public SessionTimelineTest()
    {
        _service = new SessionService(_sessions, _series, new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)));
    }

    [Fact]
    public async Task Reading_the_whole_window_gives_what_one_big_page_gives()
    {
        await CreateCalendarAsync();
        var filter = SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled);
        var page = await _service.QuerySessionsAsync(_host, new SessionQuery { From = March, To = April, Filter = filter, PageSize = 1_000 });

        var read = await ReadAsync(filter).ToListAsync();

        page.HasNext.Should().BeFalse();
        read.Select(s => s.Id).Should().Equal(page.Items.Select(s => s.Id));
        read.Should().HaveCount((7 * 5) + (7 * 4) + (6 * 4) + 15, "seven Monday series have five instances in March, seven Tuesday and six Wednesday ones four, the moved and the cancelled instance stay in March, and all fifteen singles are in it");
    }

    [Fact]
    public async Task Sessions_come_in_start_then_id_order_with_a_moved_instance_at_its_own_time()
    {
        await CreateCalendarAsync();
        var moved = MarchCalendar.MovedInstance;

        var read = await ReadAsync(SessionFilter.All).ToListAsync();

        read.Should().BeInAscendingOrder(s => s.Start.Timestamp).And.OnlyHaveUniqueItems(s => s.Id);
        for (var i = 1; i < read.Count; i++)
        {
            if (read[i - 1].Start.Timestamp == read[i].Start.Timestamp)
            {
                string.CompareOrdinal(read[i - 1].Id, read[i].Id).Should().BeNegative();
            }
        }

        read.Single(s => s.Id == moved).Start.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 30, 7, 0));
    }

    [Fact]
    public async Task The_filter_and_the_window_decide_what_is_read()
    {
        await CreateCalendarAsync();

        var cancelledOnly = await ReadAsync(SessionFilter.StatusIn(SessionStatus.Cancelled)).ToListAsync();
        var lateMarch = await SessionTimeline.ReadAsync(_sessions, _series, "tenant", SessionFilter.All, Instant.FromUtc(2025, 3, 30, 0, 0), April, CancellationToken.None).ToListAsync();

        cancelledOnly.Select(s => s.Id).Should().Equal(MarchCalendar.CancelledInstance);
        lateMarch.Should().NotBeEmpty().And.OnlyContain(s => s.End.Timestamp > Instant.FromUtc(2025, 3, 30, 0, 0) && s.Start.Timestamp < April);
    }

    [Fact]
    public async Task A_reader_that_stops_early_gets_the_first_items_in_order()
    {
        await CreateCalendarAsync();
        var all = await ReadAsync(SessionFilter.All).ToListAsync();

        var firstThree = new List<Session>();
        await foreach (var session in ReadAsync(SessionFilter.All))
        {
            firstThree.Add(session);
            if (firstThree.Count == 3)
            {
                break;
            }
        }

        firstThree.Select(s => s.Id).Should().Equal(all.Take(3).Select(s => s.Id));
    }

    [Fact]
    public async Task A_cancelled_read_stops_with_the_token()
    {
        await CreateCalendarAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var read = () => SessionTimeline.ReadAsync(_sessions, _series, "tenant", SessionFilter.All, March, April, cancellation.Token).ToListAsync().AsTask();

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    private IAsyncEnumerable<Session> ReadAsync(SessionFilter filter) =>
        SessionTimeline.ReadAsync(_sessions, _series, "tenant", filter, March, April, CancellationToken.None);

    private Task CreateCalendarAsync() => MarchCalendar.CreateAsync(_service, _host);
}
