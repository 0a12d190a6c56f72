namespace Upon.Core.Sessions;

/// <summary>The kinds of session the programme runs.</summary>
public enum SessionType
{
    VirtualWorkshop,
    Residential,
    TaughtDay,
    ActionLearningSet,
    Webinar,
    CoachingGroup,
}
