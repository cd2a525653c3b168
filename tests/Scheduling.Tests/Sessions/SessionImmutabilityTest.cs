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
        Immutability.MutableMembersOf(type).Should().BeEmpty();
    }
}
