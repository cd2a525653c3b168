using System.Collections.Immutable;
using Scheduling.Attendance;
using Scheduling.Paging;
using Scheduling.Querying;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Json;

/// <summary>
/// The public types of the Scheduling assembly that travel as JSON, found by reflection so that a type added later is
/// covered (or has to say why not).
/// </summary>
/// <remarks>
/// The rule: every exported type is a wire type, except interfaces, delegates, attributes and static classes; services,
/// stores, builders, directories, caches and options (named so), which hold behaviour or host configuration; everything
/// in <c>Scheduling.Stores</c> and <c>Scheduling.Hosting</c> (the store contract, persisted by <c>StoredJson</c>, and
/// registration); filter trees (<see cref="FilterNode"/> and its node types), which only the schema of the items they
/// filter can read back and which travel as <see cref="SessionFilter"/> and <see cref="AttendanceFilter"/>; and the few
/// types <see cref="NotOnTheWire"/> lists with the reason. A generic type is checked closed over the arguments
/// <see cref="Closings"/> gives it.
/// </remarks>
internal static class WireTypes
{
    /// <summary>Exported types that are neither behaviour nor configuration by name, yet never cross the wire.</summary>
    public static readonly ImmutableDictionary<Type, string> NotOnTheWire = new Dictionary<Type, string>
    {
        [typeof(CallerContext)] = "who calls: the host builds it from its own authentication for every call, never from a request body",
        [typeof(FilterSchema<>)] = "holds the functions that read an item's fields: code, not data",
        [typeof(FilterField<>)] = "holds the function that reads one field of an item: code, not data",
    }.ToImmutableDictionary();

    /// <summary>The closed types a generic wire type is checked as.</summary>
    public static readonly ImmutableDictionary<Type, ImmutableArray<Type>> Closings = new Dictionary<Type, ImmutableArray<Type>>
    {
        [typeof(CursorPage<>)] = [typeof(CursorPage<Session>), typeof(CursorPage<Scheduling.Attendance.Attendance>), typeof(CursorPage<WorkspaceSession>)],
        // Only a given value has a JSON form of its own; "not given" is an absent property, checked in the change requests.
        [typeof(Optional<>)] = [typeof(Optional<string>), typeof(Optional<CalendarDateTime>)],
    }.ToImmutableDictionary();

    private static readonly string[] BehaviourSuffixes = ["Service", "Store", "Builder", "Directory", "Cache", "Options", "Extensions"];

    /// <summary>Gets every wire type of the Scheduling assembly, generic ones closed.</summary>
    public static IEnumerable<Type> All => typeof(Session).Assembly.GetExportedTypes()
        .Where(t => WhyNotOnTheWire(t) is null)
        .SelectMany(t => t.IsGenericTypeDefinition
            ? Closings.TryGetValue(t, out var closed) ? closed : throw new InvalidOperationException($"Generic wire type {t.Name} needs closings in {nameof(WireTypes)}.{nameof(Closings)}.")
            : [t])
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>Why an exported type does not travel as JSON, or null when it does.</summary>
    public static string? WhyNotOnTheWire(Type type) =>
        type.IsInterface ? "an interface"
        : typeof(Delegate).IsAssignableFrom(type) ? "a delegate"
        : typeof(Attribute).IsAssignableFrom(type) ? "an attribute"
        : type.IsAbstract && type.IsSealed ? "a static class"
        : type.Namespace is { } ns && (ns.StartsWith("Scheduling.Stores", StringComparison.Ordinal) || ns == "Scheduling.Hosting") ? "store contract or registration"
        : typeof(FilterNode).IsAssignableFrom(type) ? "a filter tree: travels as a SessionFilter or AttendanceFilter"
        : BehaviourSuffixes.Any(s => Plain(type).EndsWith(s, StringComparison.Ordinal)) ? "behaviour or host configuration"
        : NotOnTheWire.TryGetValue(type, out var reason) ? reason
        : null;

    private static string Plain(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
}
