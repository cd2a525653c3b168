using System.Reflection;

namespace Scheduling.Tests;

/// <summary>What makes a type immutable to the tests that guard it: no public setter but init, and only readonly fields.</summary>
internal static class Immutability
{
    /// <summary>The members of <paramref name="type"/> that could change an object after it was made.</summary>
    public static IEnumerable<MemberInfo> MutableMembersOf(Type type)
    {
        var flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return type.GetProperties(flags).Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)).Cast<MemberInfo>()
            .Concat(type.GetFields(flags).Where(f => !f.IsInitOnly));
    }

    // init accessors set a value once, while the object is made; afterwards it cannot change.
    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
