using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduling.Benchmarks.Workloads;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;

namespace Scheduling.Benchmarks;

/// <summary>
/// Measures a one-month session query on the in-memory store, for a tenant with 10,000 weekly recurring sessions in
/// five zones and 10,000 single sessions spread over the year: the first page of 100, page 50 of 100 (from the cursor
/// of page 49), and walking the whole month in pages of 1,000.
/// </summary>
/// <remarks>March 2025 is queried: it holds the United States' and Europe's spring-forward changes.</remarks>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private readonly CallerContext _caller = QueryMonth.Caller;
    private SessionService _service = null!;
    private SessionQuery _month = null!;
    private string _page49Cursor = null!;

    /// <summary>Gets the number of instances and sessions in the month, found in setup.</summary>
    public int ItemsInMonth { get; private set; }

    /// <summary>Builds the tenant and walks the month once to find the cursor of page 50 and check the totals.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _service = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), QueryMonth.Clock);
        QueryMonth.Populate(_service);
        _month = QueryMonth.Month;
        var page = _service.QuerySessionsAsync(_caller, _month).AsTask().GetAwaiter().GetResult();
        for (var number = 2; number < 50; number++)
        {
            page = _service.QuerySessionsAsync(_caller, page.NextCursor!).AsTask().GetAwaiter().GetResult();
        }

        _page49Cursor = page.NextCursor ?? throw new InvalidOperationException("The month has fewer than 50 pages of 100.");
        ItemsInMonth = WholeMonth();
    }

    /// <summary>The first page of 100 of the month.</summary>
    [Benchmark]
    public CursorPage<Session> FirstPage() => _service.QuerySessionsAsync(_caller, _month).AsTask().GetAwaiter().GetResult();

    /// <summary>Page 50 of 100, from the cursor page 49 returned: should cost about what the first page costs.</summary>
    [Benchmark]
    public CursorPage<Session> Page50() => _service.QuerySessionsAsync(_caller, _page49Cursor).AsTask().GetAwaiter().GetResult();

    /// <summary>Every item of the month, in pages of 1,000.</summary>
    /// <returns>The number of items.</returns>
    [Benchmark]
    public int WholeMonth()
    {
        var page = _service.QuerySessionsAsync(_caller, _month with { PageSize = 1_000 }).AsTask().GetAwaiter().GetResult();
        var count = page.Items.Length;
        while (page.NextCursor is { } cursor)
        {
            page = _service.QuerySessionsAsync(_caller, cursor).AsTask().GetAwaiter().GetResult();
            count += page.Items.Length;
        }

        return count;
    }
}
