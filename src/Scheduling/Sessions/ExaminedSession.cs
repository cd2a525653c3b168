namespace Scheduling.Sessions;

/// <summary>
/// A session or instance a query looked at, in result order, with the verdict: whether the filter admits it and it
/// overlaps the window. The pager counts both kinds against <see cref="SchedulingOptions.MaxExaminedPerPage"/>.
/// </summary>
/// <param name="Session">The session or instance looked at.</param>
/// <param name="Admitted">Whether it belongs in the result.</param>
internal readonly record struct ExaminedSession(Session Session, bool Admitted);
