using System.Reflection;

namespace Scheduling.Recurrence.Tests;

/// <summary>The public value types of the engine are immutable: no public setters, no writable fields.</summary>
public sealed class ImmutabilityTests
{
    private static readonly Type[] Immutable =
    [
        typeof(RecurrenceRule),
        typeof(RecurrenceSet),
        typeof(RecurrenceUntil),
        typeof(OrdinalWeekday),
        typeof(Occurrence),
        typeof(OccurrenceSequence),
        typeof(RecurrenceError),
        typeof(SupportedRange),
    ];

    public static TheoryData<Type> ImmutableTypes() => new(Immutable);

    [Theory]
    [MemberData(nameof(ImmutableTypes))]
    public void Type_has_no_public_setters_and_only_readonly_fields(Type type)
    {
        var flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        type.GetProperties(flags).Where(p => p.SetMethod is { IsPublic: true }).Should().BeEmpty();
        type.GetFields(flags).Where(f => !f.IsInitOnly && !IsMemoCache(f)).Should().BeEmpty();
    }

    [Fact]
    public void Every_public_type_is_listed_here_or_is_an_enum_exception_or_enumerator()
    {
        var listed = Immutable.ToHashSet();

        typeof(RecurrenceRule).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !typeof(Exception).IsAssignableFrom(t) && t != typeof(OccurrenceEnumerator))
            .Should().BeSubsetOf(listed);
    }

    // RecurrenceRule remembers its canonical text the first time it is asked: a benign, idempotent cache.
    private static bool IsMemoCache(FieldInfo field) => field.DeclaringType == typeof(RecurrenceRule) && field.Name == "_text";
}
