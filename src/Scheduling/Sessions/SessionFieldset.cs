namespace Scheduling.Sessions;

/// <summary>How much of a session a read returns.</summary>
public enum SessionFieldset
{
    /// <summary>Everything but participants' personal information (participants keep their ids).</summary>
    Default = 0,

    /// <summary>
    /// Everything, participants' names, emails and phones included (the HTTP API's <c>ALL_PI</c>). Needs
    /// <see cref="Security.Permissions.PersonalInformationView"/>; asking without it is an error, never a silent downgrade.
    /// </summary>
    AllPersonalInformation = 1,
}
