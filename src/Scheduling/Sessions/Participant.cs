namespace Scheduling.Sessions;

/// <summary>
/// Someone booked into a session. The id is the host's own; the name, email and phone are personal information and
/// are returned only with <see cref="SessionFieldset.AllPersonalInformation"/>.
/// </summary>
/// <param name="Id">The host's id for the participant (a member, a customer, a booking).</param>
/// <param name="Name">The participant's name, or null.</param>
/// <param name="Email">The participant's email address, or null.</param>
/// <param name="Phone">The participant's phone number, or null.</param>
public sealed record Participant(string Id, string? Name = null, string? Email = null, string? Phone = null)
{
    /// <summary>The same participant without personal information.</summary>
    public Participant WithoutPersonalInformation() => Name is null && Email is null && Phone is null ? this : new Participant(Id);
}
