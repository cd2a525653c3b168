using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// The lists of a request as a record keeps them: a list left out (default) is empty, and the client of a single
/// session is one of its participants. Thread-safe (stateless).
/// </summary>
internal static class RequestLists
{
    /// <summary>The list, or an empty one for a list left out.</summary>
    public static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> values) => values.IsDefault ? [] : values;

    /// <summary>The participants without the booking of a client the session is no longer for.</summary>
    public static ImmutableArray<Participant> WithoutClient(ImmutableArray<Participant> participants, string? clientId) =>
        clientId is null ? participants : participants.RemoveAll(p => p.Id == clientId);

    /// <summary>The participants with the client booked first, unless it is booked already (the client of a single session is a participant).</summary>
    public static ImmutableArray<Participant> WithClient(ImmutableArray<Participant> participants, string? clientId) =>
        string.IsNullOrWhiteSpace(clientId) || participants.Any(p => p?.Id == clientId) ? participants : participants.Insert(0, new Participant(clientId));
}
