namespace Upon.Core.Coaching;

/// <summary>Why a coach cannot be matched with a participant: the rules of an allowed pair, each by name.</summary>
public enum PairExclusion
{
    /// <summary>The coach has no free place (capacity minus active coachees is zero).</summary>
    NoFreePlace,

    /// <summary>The coach does not share every characteristic the participant asked for as "must".</summary>
    MissingMustCharacteristic,

    /// <summary>The coach led or worked in the participant's authority.</summary>
    ConflictOfInterest,

    /// <summary>The participant asked not to have this coach.</summary>
    AvoidedByParticipant,

    /// <summary>The coach does not offer the mode asked for (online, or in person in the participant's region).</summary>
    ModeMismatch,

    /// <summary>The coach coached the participant before and staff have not allowed it.</summary>
    PreviousCoach,

    /// <summary>Staff forbade the pair in this round.</summary>
    ForbiddenByStaff,
}
