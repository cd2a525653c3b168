using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using NodaTime;
using Scheduling.Attendance;
using Scheduling.Querying;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Tests.Querying.Properties;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Json;

/// <summary>
/// Random values of the wire types, from a seeded source. Leaves (text, numbers, NodaTime values, rules, zones) and the
/// types that can only be made valid through their own factories have a generator of their own (<see cref="Leaves"/>);
/// every other type is composed by reflection from its public constructor and settable properties, so a property added
/// to a model is generated without an edit here. A type neither way can make is an error that names it.
/// </summary>
internal sealed class ValueGenerator(Random random)
{
    private static readonly string[] Zones =
        ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC", "Pacific/Chatham", "America/Sao_Paulo", "Asia/Kathmandu"];

    private static readonly string[] Rules =
    [
        "FREQ=WEEKLY;BYDAY=MO",
        "FREQ=DAILY;COUNT=10",
        "FREQ=MONTHLY;UNTIL=20301231T000000Z;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=HOURLY;INTERVAL=3;BYHOUR=9,12,15",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=20;WKST=SU;BYDAY=TU,TH",
        "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=MINUTELY;INTERVAL=15;UNTIL=20250310T170000",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
    ];

    private static readonly string[] Pieces = ["a", "Z", "9", " ", "\"", "\\", "/", "<", "é", "日本", "😀", "\n", "\t", "\u0001", "\u2028", "{", "$eq", "_"];

    private static readonly NullabilityInfoContext Nullability = new();

    private readonly Dictionary<Type, Func<object>> _leaves = [];
    private int _unique;

    /// <summary>Gets the types with a generator of their own.</summary>
    public IReadOnlyDictionary<Type, Func<object>> Leaves => _leaves.Count > 0 ? _leaves : Fill();

    /// <summary>A value of <paramref name="type"/>; never null at the top.</summary>
    public object Next(Type type) => Next(type, canBeNull: false, depth: 0)!;

    /// <summary>Whether this generator can make values of <paramref name="type"/> (and of every member it has), and if not, why.</summary>
    public string? CannotMake(Type type) => CannotMake(type, []);

    private string? CannotMake(Type type, HashSet<Type> seen)
    {
        if (Leaves.ContainsKey(type) || type.IsEnum || !seen.Add(type))
        {
            return null;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return CannotMake(underlying, seen);
        }

        if (type.IsGenericType && Generic(type) is { } arguments)
        {
            return arguments.Select(a => CannotMake(a, seen)).FirstOrDefault(r => r is not null);
        }

        if (Constructor(type) is not { } constructor)
        {
            return $"{type.Name} has no generator and no public constructor to compose it with.";
        }

        return constructor.GetParameters().Select(p => p.ParameterType)
            .Concat(Settable(type, constructor).Select(p => p.PropertyType))
            .Select(t => CannotMake(t, seen))
            .FirstOrDefault(r => r is not null);
    }

    private object? Next(Type type, bool canBeNull, int depth)
    {
        if (canBeNull && random.Next(4) == 0)
        {
            return null;
        }

        if (Leaves.TryGetValue(type, out var leaf))
        {
            return leaf();
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(random.Next(values.Length));
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return random.Next(3) == 0 ? null : Next(underlying, false, depth);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var argument = type.GetGenericArguments()[0];
            if (definition == typeof(ImmutableArray<>))
            {
                var count = depth > 2 ? 0 : random.Next(4);
                var items = Array.CreateInstance(argument, count);
                for (var i = 0; i < count; i++)
                {
                    items.SetValue(Next(argument, false, depth + 1), i);
                }

                return typeof(ImmutableArray).GetMethods()
                    .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                    .MakeGenericMethod(argument).Invoke(null, [items]);
            }

            if (definition == typeof(ImmutableDictionary<,>) && argument == typeof(string))
            {
                var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                for (var i = random.Next(3); i > 0; i--)
                {
                    builder[UniqueText()] = Text();
                }

                return builder.ToImmutable();
            }
        }

        return Compose(type, depth);
    }

    /// <summary>A value of <paramref name="optionalType"/>: not given, given as null (when the property allows it), or given.</summary>
    private object OptionalOf(Type optionalType, bool valueCanBeNull, int depth)
    {
        var valueType = optionalType.GetGenericArguments()[0];
        return random.Next(3) switch
        {
            0 => Activator.CreateInstance(optionalType)!,
            1 when valueCanBeNull => Activator.CreateInstance(optionalType, [null])!,
            _ => Activator.CreateInstance(optionalType, Next(valueType, false, depth + 1))!,
        };
    }

    private object Compose(Type type, int depth)
    {
        var constructor = Constructor(type) ?? throw new InvalidOperationException($"No generator makes {type.Name}.");
        var arguments = constructor.GetParameters().Select(p => Member(p.ParameterType, Nullability.Create(p), depth)).ToArray();
        var value = constructor.Invoke(arguments);
        foreach (var property in Settable(type, constructor))
        {
            property.SetValue(value, Member(property.PropertyType, Nullability.Create(property), depth));
        }

        return value;
    }

    private object? Member(Type type, NullabilityInfo nullability, int depth) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
            ? OptionalOf(type, nullability.GenericTypeArguments[0].ReadState == NullabilityState.Nullable || Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) is not null, depth)
            : Next(type, !type.IsValueType && nullability.ReadState == NullabilityState.Nullable, depth + 1);

    private static ConstructorInfo? Constructor(Type type) =>
        type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault(c => c.GetParameters().Length == 0)
        ?? (type.GetConstructors() is [var only] ? only : null);

    private static IEnumerable<PropertyInfo> Settable(Type type, ConstructorInfo constructor) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !constructor.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)));

    private static Type[]? Generic(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableDictionary<,>) || definition == typeof(Optional<>) ? type.GetGenericArguments() : null;
    }

    private string Text()
    {
        var text = new StringBuilder("t");
        for (var i = random.Next(6); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private string UniqueText() => $"{Text()}-{++_unique}";

    private Instant Instant() => NodaTime.Instant.FromUnixTimeTicks(random.NextInt64(-600_000_000_000_000_000L, 2_500_000_000_000_000_000L / 10));

    private LocalDateTime LocalDateTime() => Instant().InUtc().LocalDateTime;

    private IReadOnlyDictionary<Type, Func<object>> Fill()
    {
        _leaves[typeof(string)] = Text;
        _leaves[typeof(int)] = () => random.Next(-3, 1000);
        _leaves[typeof(long)] = () => random.Next(2) == 0 ? random.NextInt64() : random.Next(100);
        _leaves[typeof(bool)] = () => random.Next(2) == 0;
        _leaves[typeof(decimal)] = () => new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, (byte)random.Next(6));
        _leaves[typeof(Instant)] = () => Instant();
        _leaves[typeof(LocalDateTime)] = () => LocalDateTime();
        _leaves[typeof(LocalDate)] = () => LocalDateTime().Date;
        _leaves[typeof(LocalTime)] = () => LocalDateTime().TimeOfDay;
        _leaves[typeof(Duration)] = () => Duration.FromTicks(random.NextInt64(0, Duration.FromDays(400).BclCompatibleTicks));
        _leaves[typeof(DateTimeZone)] = () => DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]];
        _leaves[typeof(RecurrenceRule)] = () => RecurrenceRule.Parse(Rules[random.Next(Rules.Length)]);
        _leaves[typeof(CalendarDateTime)] = () => random.Next(2) == 0
            ? CalendarDateTime.AtInstant(Instant())
            : CalendarDateTime.AtLocal(LocalDateTime(), (DateTimeZone)_leaves[typeof(DateTimeZone)]());
        _leaves[typeof(DateBound)] = () => random.Next(3) switch
        {
            0 => DateBound.AtInstant(Instant()),
            1 => DateBound.AtLocal(LocalDateTime()),
            _ => DateBound.OnDate(LocalDateTime().Date),
        };
        _leaves[typeof(FieldValue)] = () => random.Next(5) switch
        {
            0 => FieldValue.OfText(UniqueText(), random.Next(4) == 0 ? string.Empty : Text()),
            1 => FieldValue.OfNumber(UniqueText(), (decimal)_leaves[typeof(decimal)]()),
            2 => FieldValue.OfBoolean(UniqueText(), random.Next(2) == 0),
            3 => FieldValue.OfDate(UniqueText(), LocalDateTime().Date),
            _ => FieldValue.OfChoice(UniqueText(), Text()),
        };
        _leaves[typeof(FieldDefinition)] = () =>
        {
            var kind = (FieldKind)Next(typeof(FieldKind));
            var choices = kind == FieldKind.Choice ? Enumerable.Range(0, random.Next(1, 4)).Select(_ => UniqueText()).ToArray() : null;
            return new FieldDefinition(UniqueText(), Text(), kind, choices) { IsRequired = random.Next(2) == 0 };
        };
        _leaves[typeof(Workspace)] = () => new Workspace(
            UniqueText(),
            (DateTimeZone)_leaves[typeof(DateTimeZone)](),
            Enumerable.Range(0, random.Next(3)).Select(_ => (FieldDefinition)_leaves[typeof(FieldDefinition)]()))
        {
            Name = random.Next(3) == 0 ? null : Text(),
        };
        _leaves[typeof(SessionFilter)] = () => SessionFilter.FromNode(new FilterTrees<Session>(SessionFilter.Schema, random).Next(random.Next(1, 30), random.Next(0, 5)));
        _leaves[typeof(AttendanceFilter)] = () =>
            AttendanceFilter.FromNode(new FilterTrees<Scheduling.Attendance.Attendance>(AttendanceFilter.Schema, random).Next(random.Next(1, 30), random.Next(0, 5)));
        _leaves[typeof(AttendanceSort)] = () => AttendanceSort.Of((AttendanceSortField)Next(typeof(AttendanceSortField)), (SortOrder)Next(typeof(SortOrder)));
        _leaves[typeof(SchedulingException)] = () =>
            new SchedulingException((SchedulingErrorCode)Next(typeof(SchedulingErrorCode)), Text(), random.Next(3) == 0 ? null : Text());
        _leaves[typeof(FilterValue)] = () => random.Next(4) switch
        {
            0 => FilterValue.Of(Text()),
            1 => FilterValue.Of(random.NextInt64()),
            2 => FilterValue.Of(Instant()),
            _ => FilterValue.Of(random.Next(2) == 0),
        };
        return _leaves;
    }
}
