using System.Collections.Immutable;
using Scheduling.Querying;
using Scheduling.Stores;

namespace Scheduling.Attendance;

/// <summary>
/// Which attendance records a query returns, built in code
/// (<c>AttendanceFilter.BookingIdIn("b1").And(AttendanceFilter.StatusIn(AttendanceStatus.Attended))</c>) or parsed
/// from the JSON query language (<c>{"bookingId":"b1","status":"ATTENDED"}</c>). Both forms make the same tree, and
/// <see cref="ToJson"/> writes its canonical JSON. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Fields and operators: <c>id</c>, <c>bookingId</c>, <c>sessionId</c> and <c>recurringSessionId</c> (text:
/// <c>$eq $ne $in $nin $exists</c>; <c>recurringSessionId</c> is absent for single sessions); <c>status</c>
/// (<c>NOT_SET</c>, <c>ATTENDED</c>, <c>NOT_ATTENDED</c>: <c>$eq $ne $in $nin</c>); <c>numberOfAttendees</c> (whole
/// number: <c>$eq $ne $in $nin $gt $gte $lt $lte $exists</c>). Combine with <c>$and</c>, <c>$or</c>, <c>$not</c>.
/// Unlike the anchor API, which applies only the first of several filters, every key of an object applies: several
/// keys combine with AND.
/// </remarks>
public sealed class AttendanceFilter
{
    /// <summary>The filter that admits every attendance.</summary>
    public static readonly AttendanceFilter All = new(new FilterNode.AllOf([]));

    internal static readonly FilterSchema<Attendance> Schema = new(
    [
        FilterField<Attendance>.Text("id", a => a.Id),
        FilterField<Attendance>.Text("bookingId", a => a.BookingId),
        FilterField<Attendance>.Text("sessionId", a => a.SessionId),
        FilterField<Attendance>.Text("recurringSessionId", a => a.RecurringSessionId),
        FilterField<Attendance>.Choice("status", ["NOT_SET", "ATTENDED", "NOT_ATTENDED"], a => StatusName(a.Status)),
        FilterField<Attendance>.Integer("numberOfAttendees", a => a.NumberOfAttendees),
    ]);

    private AttendanceFilter(FilterNode node)
    {
        Node = node;
    }

    /// <summary>Gets the filter as a tree.</summary>
    public FilterNode Node { get; }

    /// <summary>Parses the JSON form.</summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming the path at fault, for example <c>filter.status</c>, or on <c>filter</c> with the
    /// position for text that is not JSON or not valid UTF-16; limit exceeded on <c>filter</c> for a filter over
    /// <see cref="FilterLimits"/>.
    /// </exception>
    public static AttendanceFilter Parse(string json) => new(Schema.Parse(json));

    /// <summary>Parses the JSON form from UTF-8, as a request body holds it.</summary>
    /// <exception cref="SchedulingException">As <see cref="Parse(string)"/>; invalid argument on <c>filter</c> with the byte position for text that is not valid UTF-8.</exception>
    public static AttendanceFilter Parse(ReadOnlySpan<byte> utf8Json) => new(Schema.Parse(utf8Json));

    /// <summary>A filter from a tree built in code, checked against the attendance fields.</summary>
    /// <exception cref="SchedulingException">Invalid argument naming the path at fault, or on <c>filter</c> for a null tree.</exception>
    public static AttendanceFilter FromNode(FilterNode node)
    {
        Schema.Validate(node);
        return new AttendanceFilter(node);
    }

    /// <summary>Attendance with one of these ids.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no id, or an empty one, is given.</exception>
    public static AttendanceFilter IdIn(params string[] ids) => Texts("id", ids);

    /// <summary>Attendance of one of these bookings: a participant's attendance across every session of a course.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no id, or an empty one, is given.</exception>
    public static AttendanceFilter BookingIdIn(params string[] bookingIds) => Texts("bookingId", bookingIds);

    /// <summary>Attendance at one of these sessions or instances: everyone at one class.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no id, or an empty one, is given.</exception>
    public static AttendanceFilter SessionIdIn(params string[] sessionIds) => Texts("sessionId", sessionIds);

    /// <summary>Attendance at instances of one of these recurring sessions.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no id, or an empty one, is given.</exception>
    public static AttendanceFilter RecurringSessionIdIn(params string[] recurringSessionIds) => Texts("recurringSessionId", recurringSessionIds);

    /// <summary>Attendance with one of these statuses.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no status, or an undefined one, is given.</exception>
    public static AttendanceFilter StatusIn(params AttendanceStatus[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Length == 0 || statuses.Any(s => !Enum.IsDefined(s)))
        {
            throw SchedulingException.Invalid("filter.status", "'status' needs one or more of NOT_SET, ATTENDED, NOT_ATTENDED.");
        }

        return FromNode(new FilterNode.Condition("status", FilterOperator.In, [.. statuses.Select(s => FilterValue.Of(StatusName(s)))]));
    }

    /// <summary>Attendance whose number of attendees is one of these.</summary>
    /// <exception cref="SchedulingException">Invalid argument when no number is given.</exception>
    public static AttendanceFilter NumberOfAttendeesIn(params int[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Length == 0)
        {
            throw SchedulingException.Invalid("filter.numberOfAttendees", "'numberOfAttendees' needs one or more values.");
        }

        return FromNode(new FilterNode.Condition("numberOfAttendees", FilterOperator.In, [.. numbers.Select(n => FilterValue.Of((long)n))]));
    }

    /// <summary>Attendance with at least <paramref name="minimum"/> attendees.</summary>
    public static AttendanceFilter NumberOfAttendeesAtLeast(int minimum) =>
        FromNode(new FilterNode.Condition("numberOfAttendees", FilterOperator.Gte, [FilterValue.Of((long)minimum)]));

    /// <summary>Attendance with at most <paramref name="maximum"/> attendees.</summary>
    public static AttendanceFilter NumberOfAttendeesAtMost(int maximum) =>
        FromNode(new FilterNode.Condition("numberOfAttendees", FilterOperator.Lte, [FilterValue.Of((long)maximum)]));

    /// <summary>Both this filter and <paramref name="other"/>.</summary>
    /// <remarks>The result must be within <see cref="FilterLimits"/> like any filter: two filters each within them may not be together.</remarks>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when the result is over <see cref="FilterLimits"/>; invalid argument on <c>filter</c> for null.</exception>
    public AttendanceFilter And(AttendanceFilter other) => new(new FilterNode.AllOf([Node, Given(other).Node]));

    /// <summary>This filter or <paramref name="other"/>.</summary>
    /// <remarks>The result must be within <see cref="FilterLimits"/> like any filter: two filters each within them may not be together.</remarks>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when the result is over <see cref="FilterLimits"/>; invalid argument on <c>filter</c> for null.</exception>
    public AttendanceFilter Or(AttendanceFilter other) => new(new FilterNode.AnyOf([Node, Given(other).Node]));

    /// <summary>Everything this filter does not admit.</summary>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when this filter is already <see cref="FilterLimits.MaxDepth"/> deep or <see cref="FilterLimits.MaxNodes"/> large.</exception>
    public AttendanceFilter Not() => new(new FilterNode.Not(Node));

    /// <summary>The canonical JSON form.</summary>
    public string ToJson() => Schema.ToJson(Node);

    /// <inheritdoc />
    public override string ToString() => ToJson();

    internal static string StatusName(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Attended => "ATTENDED",
        AttendanceStatus.NotAttended => "NOT_ATTENDED",
        _ => "NOT_SET",
    };

    internal static AttendanceStatus StatusOf(string name) => name switch
    {
        "ATTENDED" => AttendanceStatus.Attended,
        "NOT_ATTENDED" => AttendanceStatus.NotAttended,
        _ => AttendanceStatus.NotSet,
    };

    /// <summary>Whether an attendance passes the filter.</summary>
    internal bool Admits(Attendance attendance) => Schema.Matches(Node, attendance);

    /// <summary>
    /// The conditions a store can apply with its indexes: <c>$eq</c> or <c>$in</c> conditions on ids, bookings,
    /// sessions, series and status that every admitted item must meet (top level, or inside nested <c>$and</c>s),
    /// each field named once. The full filter is applied afterwards, so
    /// leaving a condition out only costs reading more candidates.
    /// </summary>
    internal AttendanceCandidateFilter PushDown()
    {
        var conditions = Conjuncts(Node).OfType<FilterNode.Condition>().Where(c => c.Operator is FilterOperator.Eq or FilterOperator.In).ToList();
        ImmutableHashSet<string> Set(string field) =>
            conditions.Count(c => c.Field == field) == 1
                ? [.. conditions.Single(c => c.Field == field).Values.Select(v => v.Text!)]
                : [];

        return new AttendanceCandidateFilter
        {
            Ids = Set("id"),
            BookingIds = Set("bookingId"),
            SessionIds = Set("sessionId"),
            RecurringSessionIds = Set("recurringSessionId"),
            Statuses = [.. Set("status").Select(StatusOf)],
        };
    }

    /// <summary>The parts of a filter that must all hold: nested <c>$and</c>s (as <see cref="And"/> builds them) flattened.</summary>
    private static IEnumerable<FilterNode> Conjuncts(FilterNode node) =>
        node is FilterNode.AllOf all ? all.Children.SelectMany(Conjuncts) : [node];

    private static AttendanceFilter Given(AttendanceFilter? other) =>
        other ?? throw SchedulingException.Invalid("filter", "The filter to combine with is null.");

    private static AttendanceFilter Texts(string field, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0 || values.Any(string.IsNullOrEmpty))
        {
            throw SchedulingException.Invalid($"filter.{field}", $"'{field}' needs one or more non-empty values.");
        }

        return FromNode(new FilterNode.Condition(field, FilterOperator.In, [.. values.Select(FilterValue.Of)]));
    }
}
