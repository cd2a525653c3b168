using System.Reflection;
using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>The session model and its requests are immutable: no public setters beyond init, and only readonly fields.</summary>
public sealed class SessionImmutabilityTest
{
    private static readonly Type[] Immutable =
    [
        typeof(Session),
        typeof(RecurringSession),
        typeof(InstanceOverride),
        typeof(NewSession),
        typeof(NewRecurringSession),
        typeof(SessionChanges),
        typeof(RecurringSessionChanges),
        typeof(SessionDetails),
        typeof(SessionDetailsChanges),
        typeof(SessionDetailsOverride),
        typeof(Participant),
        typeof(FieldValue),
        typeof(Attachment),
        typeof(SessionNote),
        typeof(InvoiceReference),
        typeof(NameSnapshot),
    ];

    public static TheoryData<Type> ImmutableTypes() => new(Immutable);

    [Theory]
    [MemberData(nameof(ImmutableTypes))]
    public void Type_has_no_public_setters_and_only_readonly_fields(Type type)
    {
        var flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        type.GetProperties(flags).Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)).Should().BeEmpty();
        type.GetFields(flags).Where(f => !f.IsInitOnly).Should().BeEmpty();
    }

    // init accessors set a value once, while the object is made; afterwards it cannot change.
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
