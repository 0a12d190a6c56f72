namespace Upon.Core.Register;

/// <summary>Why a director's appointment ended.</summary>
public enum LeavingReason
{
    Retired,
    MovedToAnotherDcsPost,
    Promoted,
    MadePermanent,
    EndOfInterim,
    Resigned,
    Dismissed,
    IllHealth,
    Restructure,
    Other,
}
