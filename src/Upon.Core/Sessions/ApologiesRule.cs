using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>Apologies are sent in advance: until the session starts. After that the register says who came.</summary>
public static class ApologiesRule
{
    /// <summary>The message when apologies arrive too late.</summary>
    public const string Started = "Apologies are sent before a session starts: this one has started";

    /// <summary>Why apologies for a session starting at <paramref name="start"/> cannot be sent now, or null when they can.</summary>
    public static string? WhyRefused(Instant start, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return start <= clock.GetCurrentInstant() ? Started : null;
    }
}
