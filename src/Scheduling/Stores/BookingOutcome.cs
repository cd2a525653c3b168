namespace Scheduling.Stores;

/// <summary>What a store did with a request to add a participant.</summary>
public enum BookingOutcome
{
    /// <summary>The participant was added.</summary>
    Booked = 0,

    /// <summary>The participant was already booked; nothing changed.</summary>
    AlreadyBooked = 1,

    /// <summary>The session is full; nothing changed.</summary>
    Full = 2,

    /// <summary>The session or instance does not exist in this tenant.</summary>
    NotFound = 3,

    /// <summary>The session or instance is cancelled; nothing changed.</summary>
    Cancelled = 4,
}
