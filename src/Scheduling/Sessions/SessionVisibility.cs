using Scheduling.Security;

namespace Scheduling.Sessions;

/// <summary>
/// Who may read sessions, and how a session reads for them: participants without personal information unless the
/// caller asks for <see cref="SessionFieldset.AllPersonalInformation"/> and may see it. Thread-safe (stateless).
/// </summary>
internal static class SessionVisibility
{
    /// <summary>Demands the permissions a read with <paramref name="fieldset"/> needs.</summary>
    /// <exception cref="SchedulingException">Permission denied or unauthenticated.</exception>
    public static void DemandRead(CallerContext caller, SessionFieldset fieldset)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsView);
        if (fieldset == SessionFieldset.AllPersonalInformation)
        {
            caller.Demand(Permissions.PersonalInformationView);
        }
    }

    /// <summary>A session as the caller of a write sees it: with personal information when it may view it.</summary>
    public static Session ShapeFor(CallerContext caller, Session session) =>
        Shape(session, caller.Has(Permissions.PersonalInformationView) ? SessionFieldset.AllPersonalInformation : SessionFieldset.Default);

    /// <summary>A session as a read with <paramref name="fieldset"/> returns it.</summary>
    public static Session Shape(Session session, SessionFieldset fieldset) =>
        fieldset == SessionFieldset.AllPersonalInformation || session.Participants.All(p => p.WithoutPersonalInformation() == p)
            ? session
            : session with { Participants = [.. session.Participants.Select(p => p.WithoutPersonalInformation())] };
}
