namespace Scheduling.Security;

/// <summary>Who is calling.</summary>
public enum CallerKind
{
    /// <summary>Nobody signed in. A missing permission is reported as <see cref="SchedulingErrorCode.Unauthenticated"/>.</summary>
    Anonymous = 0,

    /// <summary>A signed-in customer or member.</summary>
    Member = 1,

    /// <summary>A signed-in member of staff.</summary>
    Staff = 2,

    /// <summary>The trusted host application itself; it holds every permission.</summary>
    Host = 3,
}
