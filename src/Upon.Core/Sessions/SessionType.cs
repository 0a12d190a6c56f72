namespace Upon.Core.Sessions;

/// <summary>The kinds of session the programme runs.</summary>
public enum SessionType
{
    /// <summary>A two-hour online workshop, the core of the New Directors programme.</summary>
    VirtualWorkshop,

    /// <summary>Two days together in person with an overnight stay, shown as one event over its days.</summary>
    Residential,

    /// <summary>A day of face-to-face teaching, run for aspirant directors.</summary>
    TaughtDay,

    /// <summary>A small peer group working through members' real problems with a facilitator.</summary>
    ActionLearningSet,

    /// <summary>A network webinar: an online talk for the wider network of directors.</summary>
    Webinar,

    /// <summary>Group coaching, for New Directors in the second year of their journey (from month 13).</summary>
    CoachingGroup,
}
