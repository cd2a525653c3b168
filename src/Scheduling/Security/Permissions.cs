namespace Scheduling.Security;

/// <summary>The permission names the library checks. A host grants them to callers; the library never stores them.</summary>
public static class Permissions
{
    /// <summary>Read sessions, recurring sessions and instances (without personal information).</summary>
    public const string SessionsView = "sessions.view";

    /// <summary>Create, update, cancel and delete sessions, and book participants.</summary>
    public const string SessionsManage = "sessions.manage";

    /// <summary>Read participants' personal information (name, email, phone) with the <c>ALL_PI</c> fieldset.</summary>
    public const string PersonalInformationView = "sessions.personal-information.view";

    /// <summary>Read attendance records and their summaries.</summary>
    public const string AttendanceView = "attendance.view";

    /// <summary>Set, bulk set and delete attendance records.</summary>
    public const string AttendanceManage = "attendance.manage";
}
