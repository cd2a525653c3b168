using System.Collections.Immutable;

namespace Scheduling.Paging;

/// <summary>The keys a host holds: the first signs new cursors, and a cursor signed with any of them is accepted.</summary>
internal sealed class CursorKeys
{
    private CursorKeys(ImmutableArray<CursorSigningKey> accepted)
    {
        Accepted = accepted;
    }

    /// <summary>Gets the key new cursors are signed with.</summary>
    public CursorSigningKey Signing => Accepted[0];

    /// <summary>Gets every key a cursor may be signed with, the signing key first.</summary>
    public ImmutableArray<CursorSigningKey> Accepted { get; }

    /// <summary>The keys, the first of which signs.</summary>
    /// <exception cref="ArgumentException">No keys.</exception>
    public static CursorKeys Of(ImmutableArray<CursorSigningKey> keys) =>
        keys.IsDefaultOrEmpty ? throw new ArgumentException("At least one cursor key is needed.", nameof(keys)) : new CursorKeys(keys);
}
