using System.Text;
using BenchmarkDotNet.Attributes;
using Scheduling.Benchmarks.Workloads;
using Scheduling.Paging;
using Scheduling.Querying;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;

namespace Scheduling.Benchmarks;

/// <summary>
/// Filters of the largest legal size over the <see cref="QueryBenchmarks"/> month (in memory): a page of 100 with a
/// filter of <see cref="FilterLimits.MaxNodes"/> nodes and values and nearly <see cref="FilterLimits.MaxTextLength"/>
/// characters of text that every item must be checked against in full, the same filter at
/// <see cref="FilterLimits.MaxDepth"/>, one that only the single sessions pass (beside its one condition alone), the page after the widest one (its
/// cursor carries the filter), and the unfiltered first page to compare with.
/// </summary>
public partial class WorstCaseBenchmarks
{
    private static readonly string[] MissedFields = ["title", "id", "scheduleId", "scheduleOwnerId", "location", "clientId"];

    private SessionService _filtered = null!;
    private SessionQuery _widest = null!;
    private SessionQuery _deepest = null!;
    private SessionQuery _sparse = null!;
    private SessionQuery _sparseSmall = null!;
    private string _afterWidest = null!;

    /// <summary>Builds the month's tenant and checks that each filter is legal, fills its page and filters what it should.</summary>
    [GlobalSetup(Targets = [nameof(UnfilteredFirstPage), nameof(WidestFilterFirstPage), nameof(DeepestFilterFirstPage), nameof(SparseFilterFirstPage), nameof(SparseSmallFilterFirstPage), nameof(WidestFilterSecondPage)])]
    public void SetupFilters()
    {
        _filtered = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), QueryMonth.Clock);
        QueryMonth.Populate(_filtered);

        // $and (1) + six $nin conditions (6) + 993 values = 1,000 nodes and values; 993 x 16 = 15,888 characters of text.
        _widest = QueryMonth.Month with { Filter = SessionFilter.Parse(AllMiss(993)) };

        // $or (1) + fourteen $not (14) + $and (1) + six conditions (6) + 978 values = 1,000, at depth 16.
        _deepest = QueryMonth.Month with { Filter = SessionFilter.Parse("{\"$or\":[" + Nots(14, AllMiss(978)) + "]}") };

        // $or (1) + an $in of 996 ids no item has (997) + one $eq on the title (2) = 1,000: classes fail after every id.
        _sparse = QueryMonth.Month with
        {
            Filter = SessionFilter.Parse("{\"$or\":[{\"id\":{\"$in\":" + Values(996) + "}},{\"title\":{\"$eq\":\"Appointment\"}}]}"),
        };

        _sparseSmall = QueryMonth.Month with { Filter = SessionFilter.Parse("{\"title\":{\"$eq\":\"Appointment\"}}") };

        var widest = Run(_widest);
        Check(widest, "widest", _ => true);
        Check(Run(_deepest), "deepest", _ => true);
        Check(Run(_sparse), "sparse", session => session.Details.Title == "Appointment");
        Check(Run(_sparseSmall), "small sparse", session => session.Details.Title == "Appointment");
        _afterWidest = widest.NextCursor ?? throw new InvalidOperationException("The widest filter's month has one page only.");
        Check(Run(_afterWidest), "widest, page 2", _ => true);
    }

    /// <summary>The month's first page of 100 without a filter: what the filtered pages compare with.</summary>
    [Benchmark]
    public CursorPage<Session> UnfilteredFirstPage() => Run(QueryMonth.Month);

    /// <summary>The first page of 100 with 1,000 nodes and values every item passes only after all of them are checked.</summary>
    [Benchmark]
    public CursorPage<Session> WidestFilterFirstPage() => Run(_widest);

    /// <summary>The same filter nested to the deepest legal level under fourteen <c>$not</c>.</summary>
    [Benchmark]
    public CursorPage<Session> DeepestFilterFirstPage() => Run(_deepest);

    /// <summary>A page of 100 single sessions, every class instance before them refused after 996 ids.</summary>
    [Benchmark]
    public CursorPage<Session> SparseFilterFirstPage() => Run(_sparse);

    /// <summary>The same page of single sessions with the title condition alone: what the sparse filter's size adds to.</summary>
    [Benchmark]
    public CursorPage<Session> SparseSmallFilterFirstPage() => Run(_sparseSmall);

    /// <summary>The page after the widest filter's first, from its cursor (which carries the filter's canonical JSON).</summary>
    [Benchmark]
    public CursorPage<Session> WidestFilterSecondPage() => Run(_afterWidest);

    private static void Check(CursorPage<Session> page, string filter, Func<Session, bool> passes)
    {
        if (page.Items.Length != 100 || !page.Items.All(passes))
        {
            throw new InvalidOperationException($"The {filter} filter's page has {page.Items.Length} items, not 100 that pass it.");
        }
    }

    /// <summary>An <c>$and</c> of a <c>$nin</c> on each of six fields, <paramref name="values"/> values in all, that no item holds.</summary>
    private static string AllMiss(int values)
    {
        var fields = MissedFields;
        var json = new StringBuilder("{\"$and\":[");
        for (var i = 0; i < fields.Length; i++)
        {
            var share = (values / fields.Length) + (i < values % fields.Length ? 1 : 0);
            json.Append(i == 0 ? string.Empty : ",").Append("{\"").Append(fields[i]).Append("\":{\"$nin\":").Append(Values(share, offset: i * 1_000)).Append("}}");
        }

        return json.Append("]}").ToString();
    }

    /// <summary>A JSON array of <paramref name="count"/> distinct 16-character strings no item holds.</summary>
    private static string Values(int count, int offset = 0) =>
        "[" + string.Join(",", Enumerable.Range(offset, count).Select(i => $"\"missing-{i:D8}\"")) + "]";

    private static string Nots(int count, string inner) =>
        string.Concat(Enumerable.Repeat("{\"$not\":", count)) + inner + new string('}', count);

    private CursorPage<Session> Run(SessionQuery query) => _filtered.QuerySessionsAsync(QueryMonth.Caller, query).AsTask().GetAwaiter().GetResult();

    private CursorPage<Session> Run(string cursor) => _filtered.QuerySessionsAsync(QueryMonth.Caller, cursor).AsTask().GetAwaiter().GetResult();
}
