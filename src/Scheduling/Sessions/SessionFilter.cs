using System.Collections.Immutable;
using NodaTime;
using Scheduling.Querying;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Which sessions a query returns, built in code (<c>SessionFilter.ScheduleIdIn("s1").And(SessionFilter.HasAnyTag("yoga"))</c>)
/// or parsed from the JSON query language (<c>{"scheduleId":{"$in":["s1"]},"tags":{"$hasSome":["yoga"]}}</c>).
/// Both forms make the same tree, and <see cref="ToJson"/> writes its canonical JSON. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Fields and operators: <c>id</c>, <c>scheduleId</c>, <c>scheduleOwnerId</c>, <c>recurringSessionId</c>,
/// <c>title</c>, <c>location</c>, <c>clientId</c> (text: <c>$eq $ne $in $nin $exists</c>); <c>type</c> (<c>EVENT</c>,
/// <c>WORKING_HOURS</c>), <c>status</c> (<c>CONFIRMED</c>, <c>CANCELLED</c>) and <c>progress</c> (the explicit
/// lifecycle mark: <c>NONE</c>, <c>IN_PROGRESS</c>, <c>COMPLETED</c>) (<c>$eq $ne $in $nin</c>); <c>tags</c>,
/// <c>serviceIds</c> and <c>participants.id</c> (lists: <c>$eq</c> means contains, <c>$ne $hasSome $hasAll $exists</c>);
/// <c>capacity</c> (whole number: <c>$eq $ne $in $nin $gt $gte $lt $lte $exists</c>); <c>start</c> and <c>end</c>
/// (ISO 8601 instants: <c>$eq $ne $gt $gte $lt $lte</c>). Combine with <c>$and</c>, <c>$or</c>, <c>$not</c>; several
/// keys in one object all apply. Cancelled sessions are left out unless the filter names <c>status</c>.
/// </remarks>
public sealed class SessionFilter
{
    /// <summary>The filter that admits every session (cancelled ones still left out, as the filter does not name status).</summary>
    public static readonly SessionFilter All = new(new FilterNode.AllOf([]));

    internal static readonly FilterSchema<Session> Schema = new(
    [
        FilterField<Session>.Text("id", s => s.Id),
        FilterField<Session>.Text("scheduleId", s => s.ScheduleId),
        FilterField<Session>.Text("scheduleOwnerId", s => s.ScheduleOwnerId),
        FilterField<Session>.Text("recurringSessionId", s => s.RecurringSessionId),
        FilterField<Session>.Text("title", s => s.Details.Title),
        FilterField<Session>.Text("location", s => s.Details.Location),
        FilterField<Session>.Choice("type", ["EVENT", "WORKING_HOURS"], s => TypeName(s.Type)),
        FilterField<Session>.Choice("status", ["CONFIRMED", "CANCELLED"], s => StatusName(s.Status)),
        FilterField<Session>.TextList("tags", s => s.Details.Tags),
        FilterField<Session>.TextList("participants.id", s => s.Participants.Select(p => p.Id)),
        FilterField<Session>.Integer("capacity", s => s.Details.Capacity),
        FilterField<Session>.Text("clientId", s => s.Details.ClientId),
        FilterField<Session>.TextList("serviceIds", s => s.Details.ServiceIds),
        FilterField<Session>.Choice("progress", ["NONE", "IN_PROGRESS", "COMPLETED"], s => ProgressName(s.Progress)),
        FilterField<Session>.Instant("start", s => s.Start.Timestamp),
        FilterField<Session>.Instant("end", s => s.End.Timestamp),
    ]);

    private SessionFilter(FilterNode node)
    {
        Node = node;
    }

    /// <summary>Gets the filter as a tree.</summary>
    public FilterNode Node { get; }

    private (bool IsClient, HashSet<string> Wanted)[]? _seriesScreens;
    private SessionCandidateFilter? _pushDown;

    /// <summary>Gets a value indicating whether the filter names <c>status</c> (otherwise cancelled sessions are left out).</summary>
    public bool NamesStatus => Node.Mentions("status");

    /// <summary>Parses the JSON form.</summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming the path at fault, for example <c>filter.tags.$gt</c>, or on <c>filter</c> with the
    /// position for text that is not JSON or not valid UTF-16; limit exceeded on <c>filter</c> for a filter over
    /// <see cref="FilterLimits"/>.
    /// </exception>
    public static SessionFilter Parse(string json) => new(Schema.Parse(json));

    /// <summary>Parses the JSON form from UTF-8, as a request body holds it.</summary>
    /// <exception cref="SchedulingException">As <see cref="Parse(string)"/>; invalid argument on <c>filter</c> with the byte position for text that is not valid UTF-8.</exception>
    public static SessionFilter Parse(ReadOnlySpan<byte> utf8Json) => new(Schema.Parse(utf8Json));

    /// <summary>A filter from a tree built in code, checked against the session fields.</summary>
    /// <exception cref="SchedulingException">Invalid argument naming the path at fault, or on <c>filter</c> for a null tree.</exception>
    public static SessionFilter FromNode(FilterNode node)
    {
        Schema.Validate(node);
        return new SessionFilter(node);
    }

    /// <summary>Sessions on one of these schedules.</summary>
    public static SessionFilter ScheduleIdIn(params string[] scheduleIds) => Texts("scheduleId", FilterOperator.In, scheduleIds);

    /// <summary>Sessions whose schedule belongs to one of these resources or services.</summary>
    public static SessionFilter ScheduleOwnerIdIn(params string[] ownerIds) => Texts("scheduleOwnerId", FilterOperator.In, ownerIds);

    /// <summary>Sessions of one type.</summary>
    public static SessionFilter TypeIs(SessionType type) => Texts("type", FilterOperator.Eq, [TypeName(type)]);

    /// <summary>Sessions with one of these statuses (naming status also lets cancelled sessions through when asked for).</summary>
    public static SessionFilter StatusIn(params SessionStatus[] statuses) => Texts("status", FilterOperator.In, [.. statuses.Select(StatusName)]);

    /// <summary>Sessions with at least one of these tags.</summary>
    public static SessionFilter HasAnyTag(params string[] tags) => Texts("tags", FilterOperator.HasSome, tags);

    /// <summary>Sessions with all of these tags.</summary>
    public static SessionFilter HasAllTags(params string[] tags) => Texts("tags", FilterOperator.HasAll, tags);

    /// <summary>Sessions this participant is booked into.</summary>
    public static SessionFilter HasParticipant(string participantId) => Texts("participants.id", FilterOperator.Eq, [participantId]);

    /// <summary>Sessions for this client.</summary>
    public static SessionFilter ClientIdIs(string clientId) => Texts("clientId", FilterOperator.Eq, [clientId]);

    /// <summary>Sessions that provide at least one of these services.</summary>
    public static SessionFilter HasAnyService(params string[] serviceIds) => Texts("serviceIds", FilterOperator.HasSome, serviceIds);

    /// <summary>Sessions with one of these explicit lifecycle marks.</summary>
    public static SessionFilter ProgressIn(params ProgressMark[] marks) => Texts("progress", FilterOperator.In, [.. marks.Select(ProgressName)]);

    /// <summary>
    /// Sessions whose lifecycle status at <paramref name="now"/> is <paramref name="status"/> (see
    /// <see cref="SessionLifecycle"/>): the rule written out with <c>status</c>, <c>progress</c>, <c>start</c> and
    /// <c>end</c>, so the instant is part of the filter and every page of a query reads the same statuses.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>status</c>: not a defined value.</exception>
    public static SessionFilter LifecycleStatusAt(LifecycleStatus status, Instant now)
    {
        var confirmed = StatusIn(SessionStatus.Confirmed);
        var unmarked = ProgressIn(ProgressMark.None);
        return status switch
        {
            LifecycleStatus.Cancelled => StatusIn(SessionStatus.Cancelled),
            LifecycleStatus.Scheduled => confirmed.And(unmarked).And(Moment("start", FilterOperator.Gt, now)),
            LifecycleStatus.InProgress => confirmed.And(ProgressIn(ProgressMark.InProgress)
                .Or(unmarked.And(Moment("start", FilterOperator.Lte, now)).And(Moment("end", FilterOperator.Gt, now)))),
            LifecycleStatus.Completed => confirmed.And(ProgressIn(ProgressMark.Completed)
                .Or(unmarked.And(Moment("end", FilterOperator.Lte, now)))),
            _ => throw SchedulingException.Invalid(nameof(status), $"{status} is not a lifecycle status: use scheduled, in-progress, completed or cancelled."),
        };
    }

    /// <summary>Instances of one recurring session.</summary>
    public static SessionFilter RecurringSessionIdIs(string recurringSessionId) => Texts("recurringSessionId", FilterOperator.Eq, [recurringSessionId]);

    /// <summary>Both this filter and <paramref name="other"/>.</summary>
    /// <remarks>The result must be within <see cref="FilterLimits"/> like any filter: two filters each within them may not be together.</remarks>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when the result is over <see cref="FilterLimits"/>; invalid argument on <c>filter</c> for null.</exception>
    public SessionFilter And(SessionFilter other) => new(new FilterNode.AllOf([Node, Given(other).Node]));

    /// <summary>This filter or <paramref name="other"/>.</summary>
    /// <remarks>The result must be within <see cref="FilterLimits"/> like any filter: two filters each within them may not be together.</remarks>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when the result is over <see cref="FilterLimits"/>; invalid argument on <c>filter</c> for null.</exception>
    public SessionFilter Or(SessionFilter other) => new(new FilterNode.AnyOf([Node, Given(other).Node]));

    /// <summary>Everything this filter does not admit.</summary>
    /// <exception cref="SchedulingException">Limit exceeded on <c>filter</c> when this filter is already <see cref="FilterLimits.MaxDepth"/> deep or <see cref="FilterLimits.MaxNodes"/> large.</exception>
    public SessionFilter Not() => new(new FilterNode.Not(Node));

    /// <summary>The canonical JSON form.</summary>
    public string ToJson() => Schema.ToJson(Node);

    /// <inheritdoc />
    public override string ToString() => ToJson();

    internal static string TypeName(SessionType type) => type == SessionType.Event ? "EVENT" : "WORKING_HOURS";

    internal static string StatusName(SessionStatus status) => status == SessionStatus.Confirmed ? "CONFIRMED" : "CANCELLED";

    internal static string ProgressName(ProgressMark mark) => mark switch
    {
        ProgressMark.InProgress => "IN_PROGRESS",
        ProgressMark.Completed => "COMPLETED",
        _ => "NONE",
    };

    /// <summary>Whether a session passes the filter, and the implicit "not cancelled" unless status is named.</summary>
    internal bool Admits(Session session) =>
        (NamesStatus || session.Status != SessionStatus.Cancelled) && Schema.Matches(Node, session);

    /// <summary>
    /// The conditions a store can apply: single top-level conditions on schedule, owner, type and series. Worked out
    /// once per filter (a page asks for it twice, and building its sets is not free); a benign race at worst works it
    /// out twice.
    /// </summary>
    internal SessionCandidateFilter PushDown() => _pushDown ??= CandidateConditions();

    private SessionCandidateFilter CandidateConditions()
    {
        var conditions = TopLevel(Node).OfType<FilterNode.Condition>().Where(c => c.Operator is FilterOperator.Eq or FilterOperator.In).ToList();
        ImmutableHashSet<string> Set(string field) =>
            conditions.Count(c => c.Field == field) == 1
                ? [.. conditions.Single(c => c.Field == field).Values.Select(v => v.Text!)]
                : [];

        return new SessionCandidateFilter
        {
            ScheduleIds = Set("scheduleId"),
            ScheduleOwnerIds = Set("scheduleOwnerId"),
            Types = [.. Set("type").Select(t => t == "EVENT" ? SessionType.Event : SessionType.WorkingHours)],
            RecurringSessionIds = Set("recurringSessionId"),
        };
    }

    /// <summary>
    /// Whether some instance of the series could pass the conditions that must all hold on the fields an instance may
    /// override away from its series (<c>clientId</c>, <c>serviceIds</c>): false only when neither the series nor any
    /// of its overrides holds a wanted value, so the pager can skip expanding it. Conservative: anything else is true.
    /// </summary>
    internal bool MayAdmitAnInstanceOf(RecurringSessionRecord record)
    {
        // Worked out once per filter; a benign race at worst computes the same array twice.
        var screens = _seriesScreens ??= [.. TopLevel(Node).OfType<FilterNode.Condition>()
            .Where(c => c.Field == "clientId" ? c.Operator is FilterOperator.Eq or FilterOperator.In
                : c.Field == "serviceIds" && c.Operator is FilterOperator.Eq or FilterOperator.HasSome)
            .Select(c => (c.Field == "clientId", c.Values.Select(v => v.Text).OfType<string>().ToHashSet(StringComparer.Ordinal)))];
        foreach (var (isClient, wanted) in screens)
        {
            var possible = isClient
                ? IsWanted(record.Series.Details.ClientId) || record.Overrides.Values.Any(o => IsWanted(o.Details.ClientId))
                : record.Series.Details.ServiceIds.Any(wanted.Contains) || record.Overrides.Values.Any(o => o.Details.ServiceIds is { } own && own.Any(wanted.Contains));
            if (!possible)
            {
                return false;
            }

            bool IsWanted(string? id) => id is not null && wanted.Contains(id);
        }

        return true;
    }

    /// <summary>The conditions that must all hold, with nested "all of" groups (<c>a.And(b).And(c)</c>) flattened.</summary>
    private static IEnumerable<FilterNode> TopLevel(FilterNode node) =>
        node is FilterNode.AllOf all ? all.Children.SelectMany(TopLevel) : [node];

    private static SessionFilter Given(SessionFilter? other) =>
        other ?? throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "The filter to combine with is null.", "filter");

    private static SessionFilter Moment(string field, FilterOperator op, Instant instant) =>
        FromNode(new FilterNode.Condition(field, op, [FilterValue.Of(instant)]));

    private static SessionFilter Texts(string field, FilterOperator op, string[] values)
    {
        if (values.Length == 0 || values.Any(string.IsNullOrEmpty))
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, $"'{field}' needs one or more non-empty values.", $"filter.{field}");
        }

        return FromNode(new FilterNode.Condition(field, op, [.. values.Select(FilterValue.Of)]));
    }
}
