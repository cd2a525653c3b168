namespace Scheduling.Stores;

/// <summary>What the booking rules (<see cref="Sessions.Booking"/>) decided about a booking or its cancellation.</summary>
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

    /// <summary>The participant's booking was removed: the seat is free.</summary>
    Removed = 5,

    /// <summary>The participant was not booked; nothing changed.</summary>
    NotBooked = 6,

    /// <summary>The session or instance is marked completed, so who took part is history; nothing changed.</summary>
    Completed = 7,

    /// <summary>The participant is the session's client, whose booking follows the session's client; nothing changed.</summary>
    IsClient = 8,
}
