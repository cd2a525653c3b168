using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Scheduling.Json;

/// <summary>
/// How <see cref="RecordConverter{T}"/> reads and writes one type, worked out once by reflection from its public
/// members, so a property added to the type is carried without an edit here: every public readable property is
/// written (camelCase, as the options name it), in declaration order; a property is read when it can be set or names
/// a parameter of the constructor.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<Type, bool> Fitting = new();

    private RecordShape(ConstructorInfo constructor, RecordMember[] members, Dictionary<string, int> byName)
    {
        Constructor = constructor;
        Members = members;
        ByName = byName;
    }

    public ConstructorInfo Constructor { get; }

    public RecordMember[] Members { get; }

    public Dictionary<string, int> ByName { get; }

    /// <summary>
    /// Whether the converter takes <paramref name="type"/>: a public, concrete class of the Scheduling assembly (not an
    /// exception) that has an <see cref="Optional{T}"/> property, or whose only public constructor takes parameters
    /// that all name properties (a validating constructor, or a positional record).
    /// </summary>
    public static bool Applies(Type type) => Fitting.GetOrAdd(type, static t => Decide(t) is not null);

    public static RecordShape Of(Type type, JsonSerializerOptions options)
    {
        var constructor = Decide(type) ?? throw new InvalidOperationException($"{type.Name} is not converted as a record.");
        var parameters = constructor.GetParameters();
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var members = Readable(type).Select(property =>
        {
            var parameter = Array.FindIndex(parameters, p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            return new RecordMember(
                options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name,
                property,
                parameter,
                Settable: parameter < 0 && property.SetMethod is { IsPublic: true },
                Required: parameter < 0 && property.IsDefined(typeof(RequiredMemberAttribute)),
                MemberCodec.For(property.PropertyType));
        }).ToArray();
        var byName = new Dictionary<string, int>(comparer);
        for (var i = 0; i < members.Length; i++)
        {
            byName.TryAdd(members[i].Name, i);
        }

        return new RecordShape(constructor, members, byName);
    }

    private static ConstructorInfo? Decide(Type type)
    {
        if (type.Assembly != typeof(RecordShape).Assembly || !type.IsClass || type.IsAbstract || !type.IsVisible
            || type.ContainsGenericParameters || typeof(Exception).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return null;
        }

        var properties = Readable(type);
        var constructors = type.GetConstructors();
        if (properties.Any(p => MemberCodec.IsOptional(p.PropertyType)))
        {
            return constructors.FirstOrDefault(c => c.GetParameters().Length == 0) ?? (constructors.Length == 1 ? Positional(constructors[0], properties) : null);
        }

        return constructors.Length == 1 && constructors[0].GetParameters().Length > 0 ? Positional(constructors[0], properties) : null;
    }

    private static ConstructorInfo? Positional(ConstructorInfo constructor, PropertyInfo[] properties) =>
        constructor.GetParameters().All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            ? constructor
            : null;

    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)];
}

/// <summary>One property of a <see cref="RecordShape"/>.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Property">The property.</param>
/// <param name="Parameter">The index of the constructor parameter it is read into, or -1.</param>
/// <param name="Settable">Whether it is read by setting the property (after construction).</param>
/// <param name="Required">Whether it is a <c>required</c> member, which a document must give.</param>
/// <param name="Codec">How its value is read and written.</param>
internal sealed record RecordMember(string Name, PropertyInfo Property, int Parameter, bool Settable, bool Required, MemberCodec Codec)
{
    public bool IsRead => Parameter >= 0 || Settable;
}
